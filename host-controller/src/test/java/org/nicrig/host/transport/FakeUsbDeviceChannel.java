package org.nicrig.host.transport;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.nicrig.model.server.ByteChannel;

/**
 * The device's side of a {@link FakeUsbDevice}'s endpoints as a {@link ByteChannel}, so the device
 * model's {@code DeviceServer} can serve over it: it reads what the host sent by bulk OUT and its
 * writes become bulk IN packets of at most 64 bytes — a frame longer than that is split across
 * packets, and a host transfer may bring parts of several writes.
 */
final class FakeUsbDeviceChannel implements ByteChannel {

    private final FakeUsbDevice device;
    private volatile boolean closed;
    private byte[] pending = new byte[0];
    private int pendingPos;

    FakeUsbDeviceChannel(FakeUsbDevice device) {
        this.device = device;
    }

    @Override
    public String name() {
        return "fake usb " + device.bus + "/" + device.address;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        try {
            while (pendingPos == pending.length) {
                if (closed || device.unplugged) {
                    return -1;
                }
                byte[] next = device.out.poll(20, TimeUnit.MILLISECONDS);
                if (next != null) {
                    pending = next;
                    pendingPos = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        int n = Math.min(len, pending.length - pendingPos);
        System.arraycopy(pending, pendingPos, buf, off, n);
        pendingPos += n;
        return n;
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        if (closed || device.unplugged) {
            throw new IOException(name() + " closed");
        }
        device.send(java.util.Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void close() {
        closed = true;
    }
}
