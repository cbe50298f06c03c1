package org.nicrig.host.transport;

import java.util.regex.Pattern;

/**
 * Holds the place of the {@code usb:VID:PID[/SERIAL]} scheme until a USB transport exists: a
 * well-formed address gets a clear UNSUPPORTED error, a malformed one a BAD_URI error, so rig
 * files can already be written and checked.
 */
final class UsbPlaceholder {

    // VID and PID are 16-bit ids written as four hex digits (USB 2.0 spec, §9.6.1, idVendor/idProduct)
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}(/[^/?]+)?");

    private UsbPlaceholder() {
    }

    static Transport reject(TransportUri uri) throws TransportException {
        if (!ADDRESS.matcher(uri.target()).matches()) {
            throw uri.bad("expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001");
        }
        throw new TransportException("usb:" + uri.target(), TransportException.Reason.UNSUPPORTED,
                "USB transport not available yet; reach the device through its serial port "
                        + "(serial:/dev/ttyACM0) or ser2net (tcp://HOST:PORT)");
    }
}
