package org.nicrig.host.transport;

/**
 * Told by a {@link UsbHotplugMonitor} when a matching device arrives or leaves. Calls come one at
 * a time on the monitor's own thread, never on libusb's; an exception thrown here is logged and
 * does not stop the monitor.
 */
public interface UsbHotplugListener {

    /** A matching device is present: plugged in, or already there when the monitor started. */
    void arrived(UsbPortInfo port);

    /** A device earlier reported by {@link #arrived} is gone; {@code port} is what was known of it then. */
    void left(UsbPortInfo port);
}
