package org.nicrig.host.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.nicrig.host.transport.TransportException.Reason.BUSY;
import static org.nicrig.host.transport.TransportException.Reason.CLOSED;
import static org.nicrig.host.transport.TransportException.Reason.IO;
import static org.nicrig.host.transport.TransportException.Reason.NOT_FOUND;
import static org.nicrig.host.transport.TransportException.Reason.PERMISSION_DENIED;

/**
 * A device's vendor-specific USB interface through libusb: {@code usb:1209:0001/NR-0007?interface=0&timeout=1s}.
 * The device's bulk OUT endpoint takes the host's bytes and its bulk IN endpoint gives the
 * device's; both carry the same COBS-framed byte stream as a serial port. The stream is the
 * concatenation of the transfers: a short or zero-length packet ends a transfer and nothing else,
 * frames end at their 0x00 delimiter only, so a frame may span transfers and a transfer may hold
 * several frames.
 *
 * <p>Opening finds the device by VID:PID (and iSerialNumber when given), claims the interface —
 * first asking libusb to detach any kernel driver bound to it and to re-attach it on release
 * (libusb_set_auto_detach_kernel_driver), or, where that is not supported, detaching by hand and
 * re-attaching on {@link #close()}. Capability flags are not consulted first: usb4java 1.3.0
 * reports CAP_SUPPORTS_DETACH_KERNEL_DRIVER as false even where it works (usb4java issue #75).
 *
 * <p>Reads run bulk IN transfers of {@value #IN_BUFFER} bytes — a multiple of every bulk
 * wMaxPacketSize (64, 512, 1024), so a packet never overflows the buffer — each waiting at most
 * {@link #POLL}, which bounds how long {@link #close()} from another thread takes to end a blocked
 * read. A transfer that times out may still have moved bytes, and they are kept (libusb API
 * reference, libusb_bulk_transfer: "do not assume that timeout conditions indicate a complete lack
 * of I/O"). Writes are one bulk OUT transfer each, serialised; the host sends no zero-length
 * packets, since the delimiter already ends each frame.
 *
 * <p>For firmware: an IN transfer completes on a short packet or a full buffer. If a write of the
 * device's ends exactly on a packet boundary, follow it with a zero-length packet (USB 2.0
 * §5.8.3), or the host sees those bytes only when its transfer times out, up to {@link #POLL} late.
 *
 * <p>LIBUSB_ERROR_NO_DEVICE during a transfer means the device was unplugged: reason CLOSED.
 */
public final class UsbTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(UsbTransport.class);
    /** How long one bulk IN transfer waits; also the most a blocked read delays {@link #close()}. */
    public static final Duration POLL = Duration.ofMillis(100);
    static final int IN_BUFFER = 16 * 1024;

    /** Gives the libusb backend at {@link #open()}, so that making a transport loads no native code. */
    @FunctionalInterface
    interface BackendSource {
        UsbBackend get(String port) throws TransportException;
    }

    private final UsbAddress address;
    private final UsbSettings settings;
    private final BackendSource backends;
    private final String name;
    /** Transfers hold it shared, close() exclusively: the handle never closes under a transfer. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Object writeOrder = new Object();
    private volatile UsbBackend.Handle handle;
    private volatile boolean closed;
    private int iface;
    private int inEndpoint;
    private int outEndpoint;
    private boolean reattachDriver;
    // the reader thread's own: what the last IN transfer brought and the caller has not taken yet
    private final byte[] inBuf = new byte[IN_BUFFER];
    private int inPos;
    private int inLen;

    public UsbTransport(UsbAddress address, UsbSettings settings) {
        this(address, settings, LibUsbBackend::shared);
    }

    UsbTransport(UsbAddress address, UsbSettings settings, BackendSource backends) {
        this.address = Objects.requireNonNull(address, "address");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backends = Objects.requireNonNull(backends, "backends");
        this.name = address.portName();
    }

    /** From {@code usb:VID:PID[/SERIAL]?interface=N&timeout=1s&readTimeout=500ms}; see {@link UsbSettings}. */
    public static UsbTransport fromUri(TransportUri uri) throws TransportException {
        UsbAddress a = UsbAddress.parse(uri);
        return new UsbTransport(a, UsbSettings.fromUri(uri));
    }

    @Override
    public String name() {
        return name;
    }

    public UsbAddress address() {
        return address;
    }

    public UsbSettings settings() {
        return settings;
    }

    @Override
    public void open() throws TransportException {
        lifecycle.writeLock().lock();
        try {
            if (closed || handle != null) {
                throw new IllegalStateException(name + ": open() called twice or after close()");
            }
            UsbBackend backend = backends.get(name);
            UsbDescriptors device = UsbDeviceFinder.find(backend, address, name);
            UsbInterfaceInfo chosen = chooseInterface(device);
            UsbBackend.Handle h;
            try {
                h = backend.open(device.bus(), device.address());
            } catch (UsbCallException e) {
                throw failure(e, "cannot open " + device.location());
            }
            try {
                reattachDriver = claim(h, chosen.number());
            } catch (TransportException | RuntimeException e) {
                h.close();
                throw e;
            }
            iface = chosen.number();
            inEndpoint = chosen.bulkIn().getAsInt();
            outEndpoint = chosen.bulkOut().getAsInt();
            inPos = 0;
            inLen = 0;
            handle = h;
            LOG.debug("{}: opened {} {}", name, device.location(), chosen.describe());
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private UsbInterfaceInfo chooseInterface(UsbDescriptors d) throws TransportException {
        String all = d.interfaces().isEmpty() ? "it has no active configuration"
                : "its interfaces: " + d.interfaces().stream().map(UsbInterfaceInfo::describe).collect(Collectors.joining(", "));
        if (settings.interfaceNumber().isPresent()) {
            int n = settings.interfaceNumber().getAsInt();
            UsbInterfaceInfo i = d.interfaces().stream().filter(x -> x.number() == n).findFirst()
                    .orElseThrow(() -> new TransportException(name, NOT_FOUND,
                            d.location() + " has no interface " + n + "; " + all));
            if (!i.hasBulkPair()) {
                throw new TransportException(name, NOT_FOUND, d.location() + ": interface " + n
                        + " has no bulk IN and OUT endpoints; " + all);
            }
            return i;
        }
        return d.interfaces().stream().filter(UsbInterfaceInfo::isNicrigCandidate).findFirst()
                .orElseThrow(() -> new TransportException(name, NOT_FOUND, d.location()
                        + " has no vendor-specific interface (class 0xff) with bulk IN and OUT; " + all
                        + "; name one with ?interface=N"));
    }

    /** Claims {@code n}, moving a kernel driver out of the way; true if it must be re-attached on close. */
    private boolean claim(UsbBackend.Handle h, int n) throws TransportException {
        boolean detached = false;
        try {
            if (!h.autoDetachKernelDriver() && h.kernelDriverActive(n)) {
                h.detachKernelDriver(n);
                detached = true;
            }
        } catch (UsbCallException e) {
            throw failure(e, "cannot detach the kernel driver from interface " + n);
        }
        try {
            h.claim(n);
            return detached;
        } catch (UsbCallException e) {
            if (detached) {
                reattach(h, n);
            }
            if (e.error() == UsbError.BUSY) {
                throw new TransportException(name, BUSY, "interface " + n
                        + " is busy: claimed by another process or a kernel driver (" + e.getMessage() + ")", e);
            }
            throw failure(e, "cannot claim interface " + n);
        }
    }

    /** Open and claim errors; a transfer's own errors are worded in {@link #transferFailure}. */
    private TransportException failure(UsbCallException e, String what) {
        return switch (e.error()) {
            case ACCESS -> new TransportException(name, PERMISSION_DENIED, "permission denied: " + what
                    + " (" + e.getMessage() + "); " + UsbDeviceFinder.udevHint(address.vendorId(), address.productId()), e);
            case BUSY -> new TransportException(name, BUSY, "busy: " + what + " (" + e.getMessage() + ")", e);
            case NO_DEVICE, NOT_FOUND -> new TransportException(name, NOT_FOUND,
                    "device went away: " + what + " (" + e.getMessage() + ")", e);
            default -> new TransportException(name, IO, what + " (" + e.getMessage() + ")", e);
        };
    }

    @Override
    public int read(byte[] buf, int off, int len) throws TransportException {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len == 0) {
            return 0;
        }
        long timeout = settings.readTimeout().toNanos();
        long start = System.nanoTime();
        while (true) {
            Lock shared = lifecycle.readLock();
            shared.lock();
            try {
                UsbBackend.Handle h = usableHandle();
                if (h == null) {
                    return -1;
                }
                if (inPos == inLen) {
                    UsbBackend.Bulk r = h.bulk(inEndpoint, inBuf, 0, inBuf.length, POLL);
                    inPos = 0;
                    inLen = r.transferred();
                    if (inLen == 0 && !closed) {
                        checkRead(r.status()); // once closed, whatever the last transfer met reads as -1
                    }
                    // with bytes and an error both, the bytes go up now and the error comes back
                    // on the next transfer, which fails the same way
                }
                if (inPos < inLen) {
                    int n = Math.min(len, inLen - inPos);
                    System.arraycopy(inBuf, inPos, buf, off, n);
                    inPos += n;
                    return n;
                }
            } finally {
                shared.unlock();
            }
            if (timeout > 0 && System.nanoTime() - start >= timeout) {
                return 0;
            }
        }
    }

    /** An IN transfer that brought nothing: wait on (timeout, zero-length packet) or fail. */
    private void checkRead(UsbError status) throws TransportException {
        switch (status) {
            case SUCCESS, TIMEOUT, INTERRUPTED -> {
                // SUCCESS with no bytes is a zero-length packet: it ends a transfer, not the stream
            }
            default -> throw transferFailure("bulk IN", inEndpoint, status, "");
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws TransportException {
        Objects.checkFromIndexSize(off, len, buf.length);
        Lock shared = lifecycle.readLock();
        shared.lock();
        try {
            synchronized (writeOrder) {
                UsbBackend.Handle h = usableHandle();
                if (h == null) {
                    throw new TransportException(name, CLOSED, "transport is closed");
                }
                long deadline = System.nanoTime() + settings.writeTimeout().toNanos();
                int done = 0;
                while (done < len) {
                    long left = deadline - System.nanoTime();
                    UsbBackend.Bulk r = left <= 0 ? new UsbBackend.Bulk(UsbError.TIMEOUT, 0)
                            : h.bulk(outEndpoint, buf, off + done, len - done, Duration.ofNanos(left));
                    done += r.transferred();
                    if (r.status() == UsbError.SUCCESS || r.status() == UsbError.INTERRUPTED) {
                        continue; // an interrupted transfer is sent on from where it stopped
                    }
                    if (r.status() == UsbError.TIMEOUT) {
                        throw new TransportException(name, IO, "device took only " + done + " of " + len
                                + " bytes within " + settings.writeTimeout().toMillis() + " ms (bulk OUT "
                                + hex(outEndpoint) + ": " + r.status().libusbName() + ")");
                    }
                    throw transferFailure("bulk OUT", outEndpoint, r.status(), " after " + done + " of " + len + " bytes");
                }
            }
        } finally {
            shared.unlock();
        }
    }

    private TransportException transferFailure(String kind, int endpoint, UsbError status, String progress) {
        String where = " (" + kind + " " + hex(endpoint) + ": " + status.libusbName() + ")";
        return switch (status) {
            case NO_DEVICE -> new TransportException(name, CLOSED, "device unplugged" + progress + where);
            case PIPE -> new TransportException(name, IO, "endpoint halted" + progress + where);
            case OVERFLOW -> new TransportException(name, IO, "device sent more than was asked for" + progress + where);
            default -> new TransportException(name, IO, kind + " transfer failed" + progress + where);
        };
    }

    /** The open handle, null once closed; a call before open() is a programming error. */
    private UsbBackend.Handle usableHandle() {
        UsbBackend.Handle h = handle;
        if (closed) {
            return null;
        }
        if (h == null) {
            throw new IllegalStateException(name + ": not open");
        }
        return h;
    }

    @Override
    public void close() {
        closed = true; // a reader sees it within one POLL, a writer after its transfer
        Lock exclusive = lifecycle.writeLock();
        exclusive.lock(); // every transfer is bounded by its own timeout
        try {
            UsbBackend.Handle h = handle;
            handle = null;
            if (h == null) {
                return;
            }
            try {
                h.release(iface); // with auto-detach, libusb re-attaches the kernel driver here
            } catch (UsbCallException e) {
                LOG.debug("{}: release interface {}: {}", name, iface, e.getMessage());
            }
            if (reattachDriver) {
                reattach(h, iface);
            }
            h.close();
        } finally {
            exclusive.unlock();
        }
    }

    private void reattach(UsbBackend.Handle h, int n) {
        try {
            h.attachKernelDriver(n);
        } catch (UsbCallException e) {
            LOG.warn("{}: could not give interface {} back to its kernel driver: {}", name, n, e.getMessage());
        }
    }

    @Override
    public boolean isOpen() {
        return handle != null && !closed;
    }

    @Override
    public String toString() {
        return name + " " + settings.summary();
    }

    private static String hex(int endpoint) {
        return String.format("0x%02x", endpoint);
    }
}
