package org.nicrig.host.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nicrig.host.lab.PtyPair;

import static org.nicrig.host.transport.TransportException.Reason.IO;

/**
 * A device model at the far end of a serial "cable": a socat pty pair, and {@code fpga-emu}
 * running as a process of its own on one end ({@link #deviceEnd()}), so the host opens the other
 * end ({@link #hostEnd()}) exactly as it would a USB-serial adapter — with jSerialComm, or
 * through ser2net. Being a separate process, the device can really die: {@link #kill()} is a
 * yanked cable or a crashed firmware, not a simulation of one.
 *
 * <p>Devices in separate processes share a wire only through a {@code WireHub}
 * ({@code hub}); without one each emulator has a wire of its own.
 *
 * <pre>{@code
 * try (PtyEmulator dev = PtyEmulator.start("fpga1", spec, Optional.empty(), EmulatorCommand.current())) {
 *     Transport host = Transports.open("serial:" + dev.hostEnd());
 * }
 * }</pre>
 *
 * {@link #close()} stops the emulator (SIGTERM, SIGKILL after {@link #STOP_GRACE}), stops socat
 * and removes the temporary directory; a JVM shutdown hook kills both if nobody closed them.
 */
public final class PtyEmulator implements AutoCloseable {
    /** How long fpga-emu may take to close its port and exit after SIGTERM. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final String name;
    private final PtyPair pty;
    private final EmulatorProcess emulator;
    private final Thread shutdownHook;
    private boolean closed;

    private PtyEmulator(String name, PtyPair pty, EmulatorProcess emulator) {
        this.name = name;
        this.pty = pty;
        this.emulator = emulator;
        this.shutdownHook = new Thread(emulator::killNow, "PtyEmulator cleanup " + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts socat, then the emulator on the device end, and returns once it serves.
     *
     * @param name messages name it (the transport URI)
     * @throws TransportException IO naming {@code name}: socat or the emulator could not start;
     *                            nothing is left running
     */
    public static PtyEmulator start(String name, EmulatedDeviceSpec spec, Optional<InetSocketAddress> hub,
                                    EmulatorCommand command) throws TransportException {
        PtyPair pty;
        try {
            pty = PtyPair.start();
        } catch (IOException e) {
            throw new TransportException(name, IO, e.getMessage(), e);
        }
        try {
            EmulatorProcess emu = EmulatorProcess.start(name, command, arguments(spec, hub, pty.b()), pty.dir());
            return new PtyEmulator(name, pty, emu);
        } catch (TransportException | RuntimeException e) {
            pty.close();
            throw e;
        }
    }

    /** fpga-emu's arguments: the device with its endpoint given apart, so no path character can break the spec. */
    static List<String> arguments(EmulatedDeviceSpec spec, Optional<InetSocketAddress> hub, Path deviceEnd) {
        StringBuilder device = new StringBuilder(spec.profile().name())
                .append(",mac=").append(spec.mac())
                .append(",revision=").append(spec.revision())
                .append(",seed=").append(spec.seed());
        if (!spec.defects().isEmpty()) {
            device.append(",defects=").append(String.join("+", spec.defects().stream().map(Enum::name).toList()));
        }
        spec.nvm().ifPresent(p -> device.append(",nvm=").append(p));
        spec.trustedKey().ifPresent(p -> device.append(",trusted-key=").append(p));
        List<String> args = new ArrayList<>(List.of("--device", device.toString(), "--serial", deviceEnd.toString(),
                "--speed", Double.isInfinite(spec.speed()) ? "unlimited" : Double.toString(spec.speed())));
        hub.ifPresent(h -> args.addAll(List.of("--hub", "udp:" + h.getHostString() + ":" + h.getPort())));
        return args;
    }

    public String name() {
        return name;
    }

    /** The end the host opens: a link to a /dev/pts/N. */
    public Path hostEnd() {
        return pty.a();
    }

    /** The end the emulator serves. */
    public Path deviceEnd() {
        return pty.b();
    }

    /** The emulator process's id. */
    public long pid() {
        return emulator.pid();
    }

    public boolean isAlive() {
        return emulator.isAlive();
    }

    /**
     * SIGKILLs the emulator and waits until it is dead: a crashed device or a pulled cable. socat
     * keeps the host's end open, so the host sees the device fall silent (its heartbeats go
     * unanswered), as with a device that hangs; {@link #close()} still has to be called.
     */
    public void kill() {
        emulator.kill();
    }

    /** The last lines the emulator wrote to stderr, for a report when something looks wrong. */
    public String stderr() {
        return emulator.said();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            emulator.stop(STOP_GRACE);
        } finally {
            pty.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway; nothing to undo
            }
        }
    }
}
