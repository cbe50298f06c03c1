package org.nicrig.host.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The USB devices libusb sees, for {@code nicrig ports}: where each sits, its ids, its strings
 * where the OS lets us read them, and whether it offers a vendor-specific bulk interface.
 *
 * <pre>{@code
 * for (UsbPortInfo p : UsbPorts.list()) System.out.println(p.describe());
 * }</pre>
 */
public final class UsbPorts {

    private UsbPorts() {
    }

    /**
     * Every device libusb sees now. Throws UNSUPPORTED if libusb cannot be loaded on this
     * platform, IO if it cannot start or enumerate.
     */
    public static List<UsbPortInfo> list() throws TransportException {
        return list(LibUsbBackend.shared("usb"));
    }

    static List<UsbPortInfo> list(UsbBackend backend) throws TransportException {
        List<UsbPortInfo> out = new ArrayList<>();
        for (UsbDescriptors d : devices(backend, "usb")) {
            out.add(describe(backend, d));
        }
        return out;
    }

    static List<UsbDescriptors> devices(UsbBackend backend, String port) throws TransportException {
        try {
            return backend.devices();
        } catch (UsbCallException e) {
            throw new TransportException(port, TransportException.Reason.IO,
                    "cannot list USB devices (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Opens the device just long enough to read its strings. A refusal is recorded, not thrown;
     * each string is read on its own, so one a device stalls on does not hide the others.
     */
    static UsbPortInfo describe(UsbBackend backend, UsbDescriptors d) {
        List<Optional<String>> strings = new ArrayList<>(List.of(Optional.empty(), Optional.empty(), Optional.empty()));
        int[] indices = {d.manufacturerIndex(), d.productIndex(), d.serialIndex()};
        Optional<String> unreadable = Optional.empty();
        if (indices[0] != 0 || indices[1] != 0 || indices[2] != 0) {
            try (UsbBackend.Handle h = backend.open(d.bus(), d.address())) {
                for (int i = 0; i < indices.length; i++) {
                    try {
                        strings.set(i, h.string(indices[i]));
                    } catch (UsbCallException e) {
                        unreadable = unreadable.or(() -> Optional.of(e.error().libusbName()));
                    }
                }
            } catch (UsbCallException e) {
                unreadable = Optional.of(e.error().libusbName());
            }
        }
        return new UsbPortInfo(d.bus(), d.address(), d.vendorId(), d.productId(),
                strings.get(0), strings.get(1), strings.get(2), unreadable, d.interfaces());
    }
}
