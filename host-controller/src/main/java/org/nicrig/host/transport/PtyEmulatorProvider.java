package org.nicrig.host.transport;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pty-emulator:PROFILE?mac=02:00:00:00:00:01&seed=1&baud=921600&hub=udp:127.0.0.1:47000}:
 * a device model served by fpga-emu in a process of its own on a socat pty pair, reached through
 * the serial transport (see {@link PtyEmulatorTransport}). The device parameters are those of
 * {@code emulated:} ({@link EmulatedDeviceSpec}: mac, speed, seed, revision, defects, nvm,
 * trusted-key; the paths are handed to fpga-emu, so they may not hold a ','), plus
 * <ul>
 *   <li>{@code baud} (50 to 4000000, default 921600): the host end's line speed;</li>
 *   <li>{@code hub} ({@code udp:HOST:PORT}): the wire hub the emulator joins, so devices in
 *       several processes share one wire; default: the hub this provider was made with, if any.</li>
 * </ul>
 * Everything is checked in {@link #create}; nothing starts until the transport is opened.
 */
public final class PtyEmulatorProvider implements TransportProvider {
    public static final String SCHEME = "pty-emulator";
    private static final int MIN_BAUD = 50;
    private static final int MAX_BAUD = 4_000_000;
    private static final Set<String> PARAMS;

    static {
        Set<String> p = new HashSet<>(EmulatedDeviceSpec.PARAMS);
        p.add("baud");
        p.add("hub");
        PARAMS = Set.copyOf(p);
    }

    private final Optional<InetSocketAddress> hub;
    private final EmulatorCommand command;

    /** Emulators started with this JVM's java and classpath, joining {@code hub} when there is one. */
    public PtyEmulatorProvider(Optional<InetSocketAddress> hub) {
        this(hub, EmulatorCommand.current());
    }

    /** With another command: a different java, JVM options or start timeout. */
    public PtyEmulatorProvider(Optional<InetSocketAddress> hub, EmulatorCommand command) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.command = Objects.requireNonNull(command, "command");
    }

    @Override
    public PtyEmulatorTransport create(TransportUri uri) throws TransportException {
        uri.requireOnly(PARAMS);
        EmulatedDeviceSpec spec = EmulatedDeviceSpec.parse(uri);
        if (spec.seed() < 0) {
            // fpga-emu takes seeds from 0 up; an in-process emulated: device takes any long
            throw uri.bad("parameter seed: expected a whole number from 0, found '" + uri.params().get("seed") + "'");
        }
        for (var p : List.of(spec.nvm(), spec.trustedKey())) {
            if (p.isPresent() && p.get().toString().indexOf(',') >= 0) {
                // fpga-emu's --device spec separates its options with ','
                throw uri.bad("a path handed to the emulator process may not contain ',': " + p.get());
            }
        }
        int baud = uri.intParam("baud", SerialSettings.DEFAULT_BAUD, MIN_BAUD, MAX_BAUD);
        Optional<InetSocketAddress> joins = uri.params().containsKey("hub") ? Optional.of(hub(uri)) : hub;
        return new PtyEmulatorTransport(uri.text(), spec, baud, joins, command);
    }

    private static InetSocketAddress hub(TransportUri uri) throws TransportException {
        String text = uri.params().get("hub");
        String expected = "parameter hub: expected udp:HOST:PORT, e.g. udp:127.0.0.1:47000, found '" + text + "'";
        if (!text.startsWith("udp:")) {
            throw uri.bad(expected);
        }
        String hostPort = text.substring("udp:".length());
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw uri.bad(expected);
        }
        String host = hostPort.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            throw uri.bad("parameter hub: port expected from 1 to 65535, found '" + text + "'");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
