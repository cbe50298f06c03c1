package org.nicrig.host.transport;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.usb4java.BufferUtils;
import org.usb4java.ConfigDescriptor;
import org.usb4java.Context;
import org.usb4java.Device;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.EndpointDescriptor;
import org.usb4java.HotplugCallbackHandle;
import org.usb4java.Interface;
import org.usb4java.InterfaceDescriptor;
import org.usb4java.LibUsb;
import org.usb4java.LoaderException;

/**
 * {@link UsbBackend} over libusb through usb4java, whose jar carries libusb for linux-x86-64 and
 * other platforms. One libusb context serves the whole process and is never exited: handles and
 * hotplug watches come and go on it.
 */
final class LibUsbBackend implements UsbBackend {

    /** How long one round of libusb event handling blocks; also the most a watch's close() waits for it. */
    private static final long EVENT_WAIT_MICROS = 100_000;
    private static LibUsbBackend shared;

    private final Context context;

    private LibUsbBackend(Context context) {
        this.context = context;
    }

    /**
     * The process's libusb, started on first use. UNSUPPORTED if usb4java has no native libusb
     * for this platform, IO if libusb_init fails; either message names {@code port}.
     */
    static synchronized LibUsbBackend shared(String port) throws TransportException {
        if (shared == null) {
            Context c = new Context();
            int r;
            try {
                r = LibUsb.init(c);
            } catch (LoaderException | UnsatisfiedLinkError e) {
                throw new TransportException(port, TransportException.Reason.UNSUPPORTED,
                        "libusb is not available for " + System.getProperty("os.name") + "/"
                                + System.getProperty("os.arch") + " (" + e.getMessage() + ")", e);
            }
            if (r != LibUsb.SUCCESS) {
                throw new TransportException(port, TransportException.Reason.IO,
                        "libusb could not start (libusb_init: " + UsbError.of(r).libusbName() + ")");
            }
            shared = new LibUsbBackend(c);
        }
        return shared;
    }

    /** E.g. {@code 1.0.22.11312}; for reports. */
    String libusbVersion() {
        return LibUsb.getVersion().toString();
    }

    @Override
    public List<UsbDescriptors> devices() throws UsbCallException {
        DeviceList list = new DeviceList();
        check(LibUsb.getDeviceList(context, list), "libusb_get_device_list");
        try {
            List<UsbDescriptors> out = new ArrayList<>();
            for (Device d : list) {
                out.add(describe(d, true));
            }
            return out;
        } finally {
            LibUsb.freeDeviceList(list, true);
        }
    }

    private static UsbDescriptors describe(Device d, boolean withInterfaces) throws UsbCallException {
        DeviceDescriptor dd = new DeviceDescriptor();
        check(LibUsb.getDeviceDescriptor(d, dd), "libusb_get_device_descriptor");
        return new UsbDescriptors(LibUsb.getBusNumber(d), LibUsb.getDeviceAddress(d),
                dd.idVendor() & 0xFFFF, dd.idProduct() & 0xFFFF,
                dd.iManufacturer() & 0xFF, dd.iProduct() & 0xFF, dd.iSerialNumber() & 0xFF,
                withInterfaces ? interfaces(d) : List.of());
    }

    /** Alternate setting 0 of each interface of the active configuration; none if unconfigured. */
    private static List<UsbInterfaceInfo> interfaces(Device d) throws UsbCallException {
        ConfigDescriptor config = new ConfigDescriptor();
        int r = LibUsb.getActiveConfigDescriptor(d, config);
        if (r == LibUsb.ERROR_NOT_FOUND) {
            return List.of(); // the device is in the unconfigured state (libusb API reference)
        }
        check(r, "libusb_get_active_config_descriptor");
        try {
            List<UsbInterfaceInfo> out = new ArrayList<>();
            for (Interface iface : config.iface()) {
                InterfaceDescriptor alt = iface.altsetting()[0];
                OptionalInt in = OptionalInt.empty();
                OptionalInt outEp = OptionalInt.empty();
                for (EndpointDescriptor ep : alt.endpoint()) {
                    if ((ep.bmAttributes() & LibUsb.TRANSFER_TYPE_MASK) != LibUsb.TRANSFER_TYPE_BULK) {
                        continue;
                    }
                    int address = ep.bEndpointAddress() & 0xFF;
                    if ((address & 0x80) != 0 && in.isEmpty()) {
                        in = OptionalInt.of(address);
                    } else if ((address & 0x80) == 0 && outEp.isEmpty()) {
                        outEp = OptionalInt.of(address);
                    }
                }
                out.add(new UsbInterfaceInfo(alt.bInterfaceNumber() & 0xFF, alt.bInterfaceClass() & 0xFF,
                        alt.bInterfaceSubClass() & 0xFF, alt.bInterfaceProtocol() & 0xFF, in, outEp));
            }
            return out;
        } finally {
            LibUsb.freeConfigDescriptor(config);
        }
    }

    @Override
    public Handle open(int bus, int address) throws UsbCallException {
        DeviceList list = new DeviceList();
        check(LibUsb.getDeviceList(context, list), "libusb_get_device_list");
        try {
            for (Device d : list) {
                if (LibUsb.getBusNumber(d) == bus && LibUsb.getDeviceAddress(d) == address) {
                    DeviceHandle h = new DeviceHandle();
                    check(LibUsb.open(d, h), "libusb_open"); // the handle holds its own reference
                    return new LibUsbHandle(h);
                }
            }
            throw new UsbCallException(UsbError.NO_DEVICE, "libusb_open");
        } finally {
            LibUsb.freeDeviceList(list, true);
        }
    }

    @Override
    public boolean hasHotplug() {
        return LibUsb.hasCapability(LibUsb.CAP_HAS_HOTPLUG);
    }

    @Override
    public Watch watch(int vendorId, int productId, HotplugSink sink) throws UsbCallException {
        HotplugCallbackHandle handle = new HotplugCallbackHandle();
        EventThread events = new EventThread(String.format("libusb-events %04x:%04x", vendorId, productId));
        // LIBUSB_HOTPLUG_ENUMERATE reports present devices from inside the register call; the
        // callback only describes the device from libusb's cached descriptors and hands it on, as
        // the libusb hotplug API reference asks ("minimal processing")
        int r = LibUsb.hotplugRegisterCallback(context,
                LibUsb.HOTPLUG_EVENT_DEVICE_ARRIVED | LibUsb.HOTPLUG_EVENT_DEVICE_LEFT,
                LibUsb.HOTPLUG_ENUMERATE, vendorId, productId, LibUsb.HOTPLUG_MATCH_ANY,
                (ctx, device, event, userData) -> {
                    boolean arrived = event == LibUsb.HOTPLUG_EVENT_DEVICE_ARRIVED;
                    try {
                        UsbDescriptors d = describe(device, arrived);
                        if (arrived) {
                            sink.arrived(d);
                        } else {
                            sink.left(d);
                        }
                    } catch (UsbCallException e) {
                        // a device whose descriptor cannot be read is one nobody can open either
                    }
                    return 0; // stay registered
                }, null, handle);
        check(r, "libusb_hotplug_register_callback");
        events.start();
        return () -> {
            LibUsb.hotplugDeregisterCallback(context, handle);
            events.stop();
        };
    }

    /** Runs libusb_handle_events for the context so hotplug callbacks fire; one per watch. */
    private final class EventThread {
        private final Thread thread;
        private volatile boolean running = true;

        EventThread(String name) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            while (running) {
                LibUsb.handleEventsTimeout(context, EVENT_WAIT_MICROS);
            }
        }

        void stop() {
            running = false;
            LibUsb.interruptEventHandler(context); // libusb 1.0.21+: wakes a handler in poll()
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void check(int r, String call) throws UsbCallException {
        if (r < 0) {
            throw UsbCallException.of(r, call);
        }
    }

    /**
     * One open device handle. usb4java hands libusb the addresses of direct buffers, so each
     * direction keeps its own, used under its own lock: the reader's IN never waits for a write.
     */
    private static final class LibUsbHandle implements Handle {
        private final DeviceHandle handle;
        private final Object inLock = new Object();
        private final Object outLock = new Object();
        private ByteBuffer inBuffer = ByteBuffer.allocateDirect(16 * 1024);
        private ByteBuffer outBuffer = ByteBuffer.allocateDirect(16 * 1024);
        private final IntBuffer inCount = BufferUtils.allocateIntBuffer();
        private final IntBuffer outCount = BufferUtils.allocateIntBuffer();
        private volatile boolean closed;

        LibUsbHandle(DeviceHandle handle) {
            this.handle = handle;
        }

        @Override
        public Optional<String> string(int index) throws UsbCallException {
            if (index == 0) {
                return Optional.empty();
            }
            StringBuffer s = new StringBuffer();
            check(LibUsb.getStringDescriptorAscii(handle, (byte) index, s), "libusb_get_string_descriptor_ascii");
            return Optional.of(s.toString());
        }

        @Override
        public boolean autoDetachKernelDriver() throws UsbCallException {
            int r = LibUsb.setAutoDetachKernelDriver(handle, true);
            if (r == LibUsb.ERROR_NOT_SUPPORTED) {
                return false;
            }
            check(r, "libusb_set_auto_detach_kernel_driver");
            return true;
        }

        @Override
        public boolean kernelDriverActive(int iface) throws UsbCallException {
            int r = LibUsb.kernelDriverActive(handle, iface);
            if (r == LibUsb.ERROR_NOT_SUPPORTED) {
                return false;
            }
            check(r, "libusb_kernel_driver_active");
            return r == 1;
        }

        @Override
        public void detachKernelDriver(int iface) throws UsbCallException {
            check(LibUsb.detachKernelDriver(handle, iface), "libusb_detach_kernel_driver");
        }

        @Override
        public void attachKernelDriver(int iface) throws UsbCallException {
            check(LibUsb.attachKernelDriver(handle, iface), "libusb_attach_kernel_driver");
        }

        @Override
        public void claim(int iface) throws UsbCallException {
            check(LibUsb.claimInterface(handle, iface), "libusb_claim_interface");
        }

        @Override
        public void release(int iface) throws UsbCallException {
            check(LibUsb.releaseInterface(handle, iface), "libusb_release_interface");
        }

        @Override
        public Bulk bulk(int endpoint, byte[] buf, int off, int len, Duration timeout) {
            boolean in = (endpoint & 0x80) != 0;
            long millis = Math.max(1, timeout.toMillis()); // libusb reads 0 as "wait for ever"
            synchronized (in ? inLock : outLock) {
                if (closed) {
                    return new Bulk(UsbError.NO_DEVICE, 0);
                }
                ByteBuffer b = buffer(in, len);
                b.clear();
                if (!in) {
                    b.put(buf, off, len);
                }
                b.position(0).limit(len);
                IntBuffer transferred = in ? inCount : outCount;
                transferred.put(0, 0);
                int r = LibUsb.bulkTransfer(handle, (byte) endpoint, b, transferred, millis);
                int n = transferred.get(0);
                if (in && n > 0) {
                    b.position(0);
                    b.get(buf, off, n);
                }
                return new Bulk(r < 0 ? UsbError.of(r) : UsbError.SUCCESS, n);
            }
        }

        private ByteBuffer buffer(boolean in, int len) {
            ByteBuffer b = in ? inBuffer : outBuffer;
            if (b.capacity() < len) {
                b = ByteBuffer.allocateDirect(len);
                if (in) {
                    inBuffer = b;
                } else {
                    outBuffer = b;
                }
            }
            return b;
        }

        @Override
        public void close() {
            synchronized (inLock) {
                synchronized (outLock) {
                    if (!closed) {
                        closed = true;
                        LibUsb.close(handle);
                    }
                }
            }
        }
    }
}
