package org.nicrig.host.transport;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The few libusb calls the USB transport, the port list and the hotplug monitor make, behind one
 * seam: {@link LibUsbBackend} makes them for real, tests put an in-memory device behind it to
 * drive framing, timeouts and every error code.
 *
 * <p>Every call that fails throws {@link UsbCallException} with libusb's code, except
 * {@link Handle#bulk}, which returns the code with the byte count because libusb reports both at
 * once (a timed-out transfer may still have moved data).
 */
interface UsbBackend {

    /** Every device libusb sees now, described without opening any. */
    List<UsbDescriptors> devices() throws UsbCallException;

    /** Opens the device at {@code bus}/{@code address}; NO_DEVICE if it is no longer there. */
    Handle open(int bus, int address) throws UsbCallException;

    /** Whether {@link #watch} can report arrivals and departures (libusb's CAP_HAS_HOTPLUG). */
    boolean hasHotplug();

    /**
     * Reports arrivals and departures of devices with these ids until the returned watch is
     * closed; devices present already are reported as arrivals first. Only when
     * {@link #hasHotplug()}.
     */
    Watch watch(int vendorId, int productId, HotplugSink sink) throws UsbCallException;

    /** An open device. */
    interface Handle extends AutoCloseable {

        /** The ASCII form of string descriptor {@code index}; empty for index 0 (no string). */
        Optional<String> string(int index) throws UsbCallException;

        /**
         * Asks libusb to detach a kernel driver on claim and re-attach it on release
         * (libusb_set_auto_detach_kernel_driver); false where the platform cannot.
         */
        boolean autoDetachKernelDriver() throws UsbCallException;

        /** True if a kernel driver is bound to the interface (false where libusb cannot tell). */
        boolean kernelDriverActive(int iface) throws UsbCallException;

        void detachKernelDriver(int iface) throws UsbCallException;

        void attachKernelDriver(int iface) throws UsbCallException;

        void claim(int iface) throws UsbCallException;

        void release(int iface) throws UsbCallException;

        /**
         * One synchronous bulk transfer (libusb_bulk_transfer): OUT sends {@code len} bytes from
         * {@code buf}, IN receives up to {@code len} into it. Never throws for a transfer error.
         *
         * @param endpoint bEndpointAddress; bit 7 set is IN
         * @param timeout  above zero
         */
        Bulk bulk(int endpoint, byte[] buf, int off, int len, Duration timeout);

        /** Closes the handle; never throws. */
        @Override
        void close();
    }

    /** What a bulk transfer did: libusb's status and how many bytes moved, which may be some even on an error. */
    record Bulk(UsbError status, int transferred) {
    }

    /** Receives hotplug events on libusb's event thread; must return quickly and never block. */
    interface HotplugSink {
        void arrived(UsbDescriptors device);

        void left(UsbDescriptors device);
    }

    /** A running hotplug registration and its event-handling thread. */
    interface Watch extends AutoCloseable {
        /** Deregisters and stops the event thread, waiting for it to end; never throws. */
        @Override
        void close();
    }
}
