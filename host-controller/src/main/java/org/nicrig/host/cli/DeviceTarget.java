package org.nicrig.host.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.config.DidYouMean;
import org.nicrig.host.rig.NvmDir;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigDevice;
import org.nicrig.host.rig.RigLoader;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.transport.Transport;
import org.nicrig.host.transport.TransportException;
import org.nicrig.host.transport.TransportRegistry;
import org.nicrig.host.transport.TransportUri;
import org.nicrig.model.wire.VirtualWire;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which one device a command talks to, as a picocli mixin: a device of a rig
 * ({@code --rig RIG --device NAME}) or a transport URI ({@code --transport URI}), optionally with
 * {@code --nvm-dir DIR} so an emulated device keeps its firmware and EEPROM between commands
 * ({@link Rig#withNvmDir}).
 *
 * <pre>{@code
 * @Mixin DeviceTarget target;
 * try (OpenDevice d = target.open()) { d.session().call(new RegRead(0)); }
 * }</pre>
 *
 * <p>Errors: a bad combination of options or an unknown device name is a usage error (exit 2,
 * with the rig's device names); a rig file with errors is {@link ConfigErrors}; a port that is
 * missing or busy is the transport's {@link TransportException}; a device that does not answer
 * HELLO is a {@link SessionException}. {@link Failures} prints each as one line.
 */
public final class DeviceTarget {
    /** The rig used when neither --rig nor --transport is given, in the repository (./nicrig sets nicrig.home). */
    public static final Path DEFAULT_RIG = Path.of("rigs", "emulated.yaml");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--rig", paramLabel = "RIG", order = 100,
            description = "The rig file holding the device (default: " + "rigs/emulated.yaml" + ").")
    private Path rig;

    @Option(names = {"-d", "--device"}, paramLabel = "NAME", order = 101,
            description = "The device's name in the rig (may be left out when the rig has one device).")
    private String device;

    @Option(names = "--transport", paramLabel = "URI", order = 102,
            description = "Reach the device directly instead of through a rig, e.g. serial:/dev/ttyUSB0, "
                    + "tcp://host:4001 or emulated:fpga-aes?mac=02:00:00:00:00:09.")
    private String transport;

    @Option(names = "--nvm-dir", paramLabel = "DIR", order = 103,
            description = "An emulated device keeps its firmware slots and EEPROM in DIR/NAME, so they outlive "
                    + "this command (default: in memory, factory state every run).")
    private Path nvmDir;

    /** The device this command means: its name and transport URI, nothing opened yet. */
    public Target resolve() throws ConfigErrors {
        if (transport != null) {
            if (rig != null || device != null) {
                throw usage("--transport names the device itself: give it without --rig and --device");
            }
            String name = targetName(transport);
            return new Target(name, nvmDir == null ? transport : NvmDir.apply(transport, nvmDir.resolve(name)),
                    Optional.empty());
        }
        Path file = rig != null ? rig : Path.of(System.getProperty("nicrig.home", ".")).resolve(DEFAULT_RIG);
        Rig asLoaded = RigLoader.load(file);
        Rig loaded = nvmDir == null ? asLoaded : asLoaded.withNvmDir(nvmDir);
        RigDevice d;
        if (device == null) {
            if (loaded.devices().size() != 1) {
                throw usage("which device? give --device NAME (" + file + " has " + String.join(", ", loaded.deviceNames())
                        + ") or --transport URI");
            }
            d = loaded.devices().get(0);
        } else {
            d = loaded.device(device).orElseThrow(() -> usage("unknown device '" + device + "' in " + file
                    + didYouMean(device, loaded) + "; its devices: " + String.join(", ", loaded.deviceNames())));
        }
        return new Target(d.name(), d.transport(), Optional.of(loaded.team().sessionConfig()));
    }

    /** Resolves, opens the transport and says HELLO and IDENTIFY; the caller closes what it gets. */
    public OpenDevice open() throws ConfigErrors, TransportException, SessionException {
        return open(resolve());
    }

    /** Opens a target resolved before (e.g. to print what is about to be opened). */
    public static OpenDevice open(Target target) throws TransportException, SessionException {
        // one device, no team: a wire of its own, and no hub for a pty-emulator's fpga-emu
        TransportRegistry transports = TransportRegistry.forRig(new VirtualWire(), Optional.empty());
        Transport t = transports.create(target.uri());
        DeviceSession session = new DeviceSession(target.name(), t, target.sessionConfig());
        try {
            session.open();
        } catch (TransportException | SessionException | RuntimeException e) {
            session.close();
            throw e;
        }
        return new OpenDevice(target, session);
    }

    private static String didYouMean(String wrong, Rig rig) {
        String near = DidYouMean.nearest(wrong, rig.deviceNames());
        return near == null ? "" : " (did you mean " + near + "?)";
    }

    /** A name for a device reached by URI: the emulated profile, the port's file name, host_port. */
    private static String targetName(String uri) {
        try {
            String target = TransportUri.parse(uri).target();
            String last = target.substring(target.lastIndexOf('/') + 1).replace(':', '_');
            return last.isEmpty() ? "device" : last;
        } catch (TransportException e) {
            return "device"; // the transport reports the bad URI when it is opened
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }

    /**
     * A device to open.
     *
     * @param name   its rig name (or, with --transport, a name made from the URI)
     * @param uri    its transport URI, with {@code nvm=} if --nvm-dir was given
     * @param config the rig's session timing, if it came from a rig
     */
    public record Target(String name, String uri, Optional<SessionConfig> config) {
        /** The rig's timing (or the default) without heartbeats: a command's session is short and says when it waits. */
        public SessionConfig sessionConfig() {
            return config.orElse(SessionConfig.DEFAULT).withHeartbeat(Duration.ZERO, 1);
        }

        /** Whether the device is a model whose memory is gone when this process exits. */
        public boolean inMemory() {
            return NvmDir.inMemory(uri);
        }
    }

    /** An opened device: its session (HELLO and IDENTIFY done). Closing closes session and transport. */
    public record OpenDevice(Target target, DeviceSession session) implements AutoCloseable {
        public String name() {
            return target.name();
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
