package org.nicrig.host.cli;

import java.io.PrintWriter;

/**
 * Lists USB devices for {@code nicrig ports}. A seam because the USB listing
 * ({@code org.nicrig.host.transport.UsbPorts}) is written separately: {@link #SYSTEM} is the one
 * line to change when it lands, to e.g.
 * <pre>{@code
 * UsbLister SYSTEM = out -> {
 *     out.println("USB:");
 *     UsbPorts.list().forEach(d -> out.println("  " + d));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface UsbLister {
    UsbLister NOT_AVAILABLE = out -> out.println("USB: listing not available in this build");

    /** What {@code nicrig ports} uses: what libusb sees. */
    UsbLister SYSTEM = out -> {
        java.util.List<org.nicrig.host.transport.UsbPortInfo> devices;
        try {
            devices = org.nicrig.host.transport.UsbPorts.list();
        } catch (org.nicrig.host.transport.TransportException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        out.println("USB (libusb): " + devices.size() + " device(s)");
        devices.forEach(d -> out.println("  " + d.describe()));
    };

    /** Prints the USB section: a heading and one line per device. A failure throws with a one-line message. */
    void print(PrintWriter out);
}
