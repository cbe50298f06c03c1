package org.nicrig.host.transport;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which USB device a {@code usb:} URI means: vendor and product id, and optionally the device's
 * serial number string (its iSerialNumber descriptor), for telling apart boards of one kind.
 *
 * @param serial compared exactly as the device reports it
 */
public record UsbAddress(int vendorId, int productId, Optional<String> serial) {

    // VID and PID are 16-bit ids written as four hex digits (USB 2.0 §9.6.1, idVendor/idProduct);
    // the serial runs to the end of the target and may hold anything but '/' and '?'
    private static final Pattern TARGET = Pattern.compile("([0-9A-Fa-f]{4}):([0-9A-Fa-f]{4})(?:/([^/?]+))?");
    static final String EXPECTED = "expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001";

    public UsbAddress {
        if (vendorId < 0 || vendorId > 0xFFFF || productId < 0 || productId > 0xFFFF) {
            throw new IllegalArgumentException("vendor and product ids are 16-bit: " + vendorId + ", " + productId);
        }
        Objects.requireNonNull(serial, "serial");
    }

    /** Reads {@code VID:PID[/SERIAL]} from a URI's target; BAD_URI if it is anything else. */
    public static UsbAddress parse(TransportUri uri) throws TransportException {
        Matcher m = TARGET.matcher(uri.target());
        if (!m.matches()) {
            throw uri.bad(EXPECTED);
        }
        return new UsbAddress(Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16),
                Optional.ofNullable(m.group(3)));
    }

    /** True if a device with these ids could be this one (the serial is checked separately). */
    public boolean matchesIds(int vid, int pid) {
        return vid == vendorId && pid == productId;
    }

    /** {@code 1209:0001}, lower-case hex as lsusb prints it. */
    public String ids() {
        return ids(vendorId, productId);
    }

    static String ids(int vid, int pid) {
        return String.format(Locale.ROOT, "%04x:%04x", vid, pid);
    }

    /** The port name used in every message: {@code usb:1209:0001} or {@code usb:1209:0001/A10K3X2B}. */
    public String portName() {
        return "usb:" + ids() + serial.map(s -> "/" + s).orElse("");
    }

    @Override
    public String toString() {
        return portName();
    }
}
