package org.nicrig.host.transport;

import org.nicrig.model.device.Device;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.server.DeviceServer;
import org.nicrig.model.server.PipeChannel;
import org.nicrig.model.wire.Wire;

/**
 * An in-process device model, reached through a byte pipe and the real frame codec on both
 * sides: the only difference from hardware is that the bytes never leave the process.
 * Opening it powers the device on; closing it powers it off.
 */
public final class EmulatedTransport implements Transport {
    private final String name;
    private final DeviceConfig config;
    private final Wire wire;
    private volatile PipeTransport pipe;
    private volatile DeviceServer server;
    private volatile boolean closed;

    public EmulatedTransport(String name, DeviceConfig config, Wire wire) {
        this.name = name;
        this.config = config;
        this.wire = wire;
    }

    @Override
    public String name() {
        return name;
    }

    public DeviceConfig config() {
        return config;
    }

    /** The serving side, for faults the emulator applies itself; null before open. */
    public DeviceServer server() {
        return server;
    }

    @Override
    public synchronized void open() throws TransportException {
        if (pipe != null || closed) {
            throw new IllegalStateException(name + ": already opened or closed");
        }
        PipeChannel[] ends = PipeChannel.pair(name);
        Device device;
        try {
            device = new Device(config, wire); // powers on: boots what its memory holds
        } catch (java.io.UncheckedIOException e) {
            throw new TransportException(name, TransportException.Reason.IO, e.getCause().getMessage(), e.getCause());
        }
        server = new DeviceServer(device, ends[0]).start();
        pipe = new PipeTransport(name, ends[1]);
        pipe.open();
    }

    @Override
    public int read(byte[] buf, int off, int len) throws TransportException {
        return opened().read(buf, off, len);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws TransportException {
        opened().write(buf, off, len);
    }

    private PipeTransport opened() {
        PipeTransport p = pipe;
        if (p == null) {
            throw new IllegalStateException(name + ": not opened");
        }
        return p;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pipe != null) {
            pipe.close();
        }
        if (server != null) {
            server.close();
            server.device().close();
        }
    }

    @Override
    public boolean isOpen() {
        PipeTransport p = pipe;
        return p != null && p.isOpen();
    }
}
