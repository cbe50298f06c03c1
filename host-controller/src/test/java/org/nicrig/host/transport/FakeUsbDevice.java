package org.nicrig.host.transport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fake device behind {@link FakeUsb}: string descriptors, a kernel driver that can be bound,
 * faults for open/claim/strings, and a bulk endpoint pair.
 *
 * <p>Bulk IN behaves as USB does (USB 2.0 §5.8.3): the device's data arrive as packets of at most
 * {@link #MAX_PACKET} bytes; a host transfer collects packets until a short one (less than
 * MAX_PACKET, a zero-length packet included) or a full buffer ends it, and a transfer still
 * waiting when its timeout passes returns LIBUSB_ERROR_TIMEOUT with what it has. A queued
 * {@link UsbError} ends the transfer with that error. Bulk OUT puts each transfer's bytes on
 * {@link #out} as one array, or applies the next queued {@link OutFault}.
 */
final class FakeUsbDevice {

    static final int MAX_PACKET = 64;

    /** The next bulk OUT takes only {@code accept} bytes and ends with {@code status}. */
    record OutFault(UsbError status, int accept) {
    }

    private final FakeUsb usb;
    final int bus;
    final int address;
    final int vendorId;
    final int productId;
    final Optional<String> serial;
    final List<UsbInterfaceInfo> interfaces;
    final BlockingQueue<Object> in = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> out = new LinkedBlockingQueue<>();
    final Queue<OutFault> outFaults = new ConcurrentLinkedQueue<>();
    final AtomicInteger openHandles = new AtomicInteger();
    volatile boolean unplugged;
    volatile boolean autoDetachSupported = true;
    volatile boolean kernelDriverBound;
    volatile UsbError openError;
    volatile UsbError claimError;
    /** How many string reads still fail with {@link #stringError}; -1 for all of them. */
    final AtomicInteger stringFailures = new AtomicInteger();
    volatile UsbError stringError = UsbError.ACCESS;

    FakeUsbDevice(FakeUsb usb, int bus, int address, int vid, int pid, Optional<String> serial,
                  List<UsbInterfaceInfo> interfaces) {
        this.usb = usb;
        this.bus = bus;
        this.address = address;
        this.vendorId = vid;
        this.productId = pid;
        this.serial = serial;
        this.interfaces = interfaces;
    }

    UsbDescriptors descriptors() {
        // string indices as a typical device numbers them: 1 manufacturer, 2 product, 3 serial
        return new UsbDescriptors(bus, address, vendorId, productId, 1, 2, serial.isPresent() ? 3 : 0, interfaces);
    }

    /** What the device sends, split into packets the way its bulk IN endpoint would; no ZLP after. */
    void send(byte[] bytes) {
        for (int i = 0; i < bytes.length; i += MAX_PACKET) {
            in.add(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + MAX_PACKET)));
        }
    }

    /** One packet exactly as given (at most MAX_PACKET bytes; empty is a zero-length packet). */
    void packet(byte[] p) {
        if (p.length > MAX_PACKET) {
            throw new IllegalArgumentException("a packet holds at most " + MAX_PACKET + " bytes");
        }
        in.add(p.clone());
    }

    /** The next bulk IN transfer fails with {@code e}. */
    void failIn(UsbError e) {
        in.add(e);
    }

    private void log(String call) {
        usb.calls.add(call);
    }

    UsbBackend.Handle open() throws UsbCallException {
        UsbError e = openError;
        if (e != null) {
            throw new UsbCallException(e, "libusb_open");
        }
        openHandles.incrementAndGet();
        return new Handle();
    }

    private final class Handle implements UsbBackend.Handle {
        private boolean closed;

        @Override
        public Optional<String> string(int index) throws UsbCallException {
            if (stringFailures.get() != 0) {
                stringFailures.decrementAndGet();
                throw new UsbCallException(stringError, "libusb_get_string_descriptor_ascii");
            }
            return switch (index) {
                case 1 -> Optional.of("nicrig");
                case 2 -> Optional.of("FPGA NIC");
                case 3 -> serial;
                default -> Optional.empty();
            };
        }

        @Override
        public boolean autoDetachKernelDriver() {
            log("auto-detach " + (autoDetachSupported ? "on" : "unsupported"));
            return autoDetachSupported;
        }

        @Override
        public boolean kernelDriverActive(int iface) {
            log("driver-active " + iface + " " + kernelDriverBound);
            return kernelDriverBound;
        }

        @Override
        public void detachKernelDriver(int iface) {
            log("detach " + iface);
            kernelDriverBound = false;
        }

        @Override
        public void attachKernelDriver(int iface) {
            log("attach " + iface);
            kernelDriverBound = true;
        }

        @Override
        public void claim(int iface) throws UsbCallException {
            log("claim " + iface);
            UsbError e = claimError;
            if (e != null) {
                throw new UsbCallException(e, "libusb_claim_interface");
            }
        }

        @Override
        public void release(int iface) {
            log("release " + iface);
        }

        @Override
        public UsbBackend.Bulk bulk(int endpoint, byte[] buf, int off, int len, Duration timeout) {
            if (closed) {
                throw new IllegalStateException("transfer on a closed handle");
            }
            if (unplugged) {
                return new UsbBackend.Bulk(UsbError.NO_DEVICE, 0);
            }
            return (endpoint & 0x80) != 0 ? bulkIn(buf, off, len, timeout) : bulkOut(buf, off, len);
        }

        private UsbBackend.Bulk bulkIn(byte[] buf, int off, int len, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            int n = 0;
            try {
                while (true) {
                    Object item = in.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (item == null) {
                        return new UsbBackend.Bulk(UsbError.TIMEOUT, n);
                    }
                    if (item instanceof UsbError e) {
                        return new UsbBackend.Bulk(e, n);
                    }
                    byte[] p = (byte[]) item;
                    if (p.length > len - n) {
                        return new UsbBackend.Bulk(UsbError.OVERFLOW, n);
                    }
                    System.arraycopy(p, 0, buf, off + n, p.length);
                    n += p.length;
                    if (p.length < MAX_PACKET || n == len) {
                        return new UsbBackend.Bulk(UsbError.SUCCESS, n);
                    }
                }
            } catch (InterruptedException e) {
                // libusb knows nothing of Java interrupts: the transfer just ends as if timed out
                return new UsbBackend.Bulk(UsbError.TIMEOUT, n);
            }
        }

        private UsbBackend.Bulk bulkOut(byte[] buf, int off, int len) {
            OutFault f = outFaults.poll();
            int taken = f == null ? len : Math.min(len, f.accept());
            if (taken > 0) {
                out.add(Arrays.copyOfRange(buf, off, off + taken));
            }
            return new UsbBackend.Bulk(f == null ? UsbError.SUCCESS : f.status(), taken);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                openHandles.decrementAndGet();
                log("close " + bus + "/" + address);
            }
        }
    }
}
