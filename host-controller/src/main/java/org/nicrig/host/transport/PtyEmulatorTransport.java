package org.nicrig.host.transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code pty-emulator:PROFILE?mac=...&baud=N}: a {@link PtyEmulator} (socat pair, fpga-emu in
 * its own process on the device end) reached through a {@link SerialTransport} on the host end.
 * Opening starts both processes; closing closes the port and then stops them, so the device is
 * powered exactly while the transport is open.
 *
 * <p>{@link #kill()} is the plan's UNPLUG made real: the emulator process dies, and the session
 * above finds the device silent and declares it gone.
 */
public final class PtyEmulatorTransport implements Transport {
    private final String name;
    private final EmulatedDeviceSpec spec;
    private final int baud;
    private final Optional<InetSocketAddress> hub;
    private final EmulatorCommand command;
    private volatile PtyEmulator device;
    private volatile SerialTransport port;
    private volatile boolean closed;

    PtyEmulatorTransport(String name, EmulatedDeviceSpec spec, int baud, Optional<InetSocketAddress> hub,
                         EmulatorCommand command) {
        this.name = name;
        this.spec = spec;
        this.baud = baud;
        this.hub = hub;
        this.command = command;
    }

    @Override
    public String name() {
        return name;
    }

    public EmulatedDeviceSpec spec() {
        return spec;
    }

    public int baud() {
        return baud;
    }

    /** The wire hub the emulator joins, if any. */
    public Optional<InetSocketAddress> hub() {
        return hub;
    }

    /**
     * Starts socat and the emulator, then opens the host end at {@link #baud()} 8N1. On failure
     * nothing is left running and the transport is unopened again.
     */
    @Override
    public synchronized void open() throws TransportException {
        if (closed || port != null) {
            throw new IllegalStateException(name + ": open() called twice or after close()");
        }
        PtyEmulator d = PtyEmulator.start(name, spec, hub, command);
        SerialTransport p = new SerialTransport(d.hostEnd(), new SerialSettings(baud, 8, SerialSettings.Parity.NONE,
                SerialSettings.StopBits.ONE, SerialSettings.FlowControl.NONE, Duration.ZERO));
        try {
            p.open();
        } catch (TransportException | RuntimeException e) {
            d.close();
            throw new TransportException(name, e instanceof TransportException t ? t.reason() : TransportException.Reason.IO,
                    "cannot open the host end: " + e.getMessage(), e);
        }
        device = d;
        port = p;
        if (closed) { // close() came while the processes were starting: it may have missed them
            close();
            throw new TransportException(name, TransportException.Reason.CLOSED, "closed while starting");
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws TransportException {
        return opened().read(buf, off, len);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws TransportException {
        opened().write(buf, off, len);
    }

    private SerialTransport opened() {
        SerialTransport p = port;
        if (p == null) {
            throw new IllegalStateException(name + ": not open");
        }
        return p;
    }

    /** The emulator process's id. */
    public long pid() {
        return running().pid();
    }

    /** Whether the emulator process is alive (false after {@link #kill()} or {@link #close()}). */
    public boolean isDeviceAlive() {
        PtyEmulator d = device;
        return d != null && d.isAlive();
    }

    /** SIGKILLs the emulator process and waits until it is dead; see {@link PtyEmulator#kill()}. */
    public void kill() {
        running().kill();
    }

    /** The last lines the emulator wrote to stderr. */
    public String deviceStderr() {
        return running().stderr();
    }

    private PtyEmulator running() {
        PtyEmulator d = device;
        if (d == null) {
            throw new IllegalStateException(name + ": not open");
        }
        return d;
    }

    /** Closes the port, then stops the emulator and socat and removes their files. Idempotent. */
    @Override
    public void close() {
        closed = true;
        SerialTransport p = port;
        if (p != null) {
            p.close(); // first, so the reader above sees an orderly -1 rather than a vanished port
        }
        PtyEmulator d = device;
        if (d != null) {
            d.close();
        }
    }

    @Override
    public boolean isOpen() {
        SerialTransport p = port;
        return p != null && p.isOpen() && !closed;
    }

    @Override
    public String toString() {
        return name;
    }
}
