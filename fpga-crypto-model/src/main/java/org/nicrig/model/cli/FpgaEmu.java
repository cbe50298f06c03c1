package org.nicrig.model.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.device.Profiles;
import org.nicrig.protocol.message.MacAddress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code fpga-emu}: runs emulated NICs (the device model) behind real serial ports or TCP
 * ports, speaking the firmware protocol, so a host — nicrig, or anything implementing
 * PROTOCOL.md — can be tested without hardware. Runs until SIGTERM or SIGINT.
 *
 * <p>Exit status: 0 when stopped by a signal (or for --help), 1 when something could not start
 * (a missing or busy serial port, a TCP port in use, no hub answering, an unwritable capture
 * file), 2 for bad arguments. Every error is one line on stderr, never a stack trace.
 */
@Command(name = "fpga-emu", sortOptions = false, usageHelpWidth = 100,
        customSynopsis = {
            "fpga-emu --device SPEC... [--serial PATH | --tcp [HOST:]PORT] [--speed X|unlimited]",
            "                [--hub udp:HOST:PORT | --serve-hub udp:HOST:PORT] [--pcap FILE]",
            "                [--peer mac=MAC,ip=A.B.C.D]...",
        },
        description = {"Serves emulated IPsec NICs (the nicrig device model) over serial ports or TCP.",
                "Runs until SIGTERM or SIGINT, then closes every port and exits 0."})
public final class FpgaEmu implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_START_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--device", paramLabel = "SPEC", converter = DeviceSpecConverter.class,
            description = {"A device: PROFILE[@ENDPOINT][,mac=MAC][,revision=N][,defects=A+B][,seed=N][,nvm=DIR][,trusted-key=PATH].",
                    "ENDPOINT is serial:/PATH or tcp:[HOST:]PORT (HOST defaults to 127.0.0.1, PORT 0 picks one).",
                    "nvm=DIR keeps the device's firmware slots, rollback floor and EEPROM in DIR, across runs;",
                    "trusted-key=PATH is the PEM public key firmware images must be signed with.",
                    "Repeat for more devices; they share one wire.",
                    "Defaults: mac=02:00:00:00:00:0N and seed=N for the N-th device, the profile's revision, no defects,",
                    "memory lost at exit (factory firmware each run), trusting keys/nicrig-dev.pub."})
    private List<DeviceSpec> devices = new ArrayList<>();

    @Option(names = "--serial", paramLabel = "PATH",
            description = "Endpoint of a single --device given without @ENDPOINT: a serial port or pty.")
    private String serial;

    @Option(names = "--tcp", paramLabel = "[HOST:]PORT",
            description = "Endpoint of a single --device given without @ENDPOINT: a TCP port (one host at a time).")
    private String tcp;

    @Option(names = "--speed", paramLabel = "X|unlimited", defaultValue = "1", converter = SpeedConverter.class,
            description = "Performance model speed: 1 = the profile's real rates, 10 = ten times faster, "
                    + "unlimited = as fast as this CPU (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--hub", paramLabel = "udp:HOST:PORT", converter = UdpConverter.class,
            description = "Join the wire hub at this address (another fpga-emu started with --serve-hub).")
    private InetSocketAddress hub;

    @Option(names = "--serve-hub", paramLabel = "udp:HOST:PORT", converter = UdpConverter.class,
            description = "Run a wire hub here (other emulators --hub to it) and put this emulator's devices on it.")
    private InetSocketAddress serveHub;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "Capture the wire into FILE (libpcap, Ethernet), readable while running.")
    private Path pcap;

    @Option(names = "--peer", paramLabel = "mac=MAC,ip=A.B.C.D", converter = PeerSpecConverter.class,
            description = "A far-end host on the wire that echoes UDP sent to it. Repeatable.")
    private List<PeerSpec> peers = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final boolean exitOnSignal;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile Emulator running;

    /** For tests: runs in this JVM, stopped by {@link #stop()}. */
    public FpgaEmu() {
        this(false);
    }

    private FpgaEmu(boolean exitOnSignal) {
        this.exitOnSignal = exitOnSignal;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new FpgaEmu(true)).execute(args));
    }

    /** The configured picocli command line: one-line errors, exit codes as documented. */
    public static CommandLine commandLine(FpgaEmu emu) {
        CommandLine cmd = new CommandLine(emu);
        cmd.getCommandSpec().usageMessage().footer(footer());
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String hint = ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                    ? " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)" : "";
            err.println("fpga-emu: " + ex.getMessage() + hint + " (see fpga-emu --help)");
            err.flush();
            return EXIT_USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("fpga-emu: internal error: " + ex);
            c.getErr().flush();
            return EXIT_START_FAILED;
        });
        return cmd;
    }

    private static String[] footer() {
        return new String[] {
            "",
            "Profiles: " + String.join(", ", Profiles.names()),
            "Defects (DEFECTS.md): " + Arrays.stream(Defect.values()).map(Enum::name).collect(Collectors.joining(", ")),
            "",
            "Examples:",
            "  fpga-emu --device fpga-aes --serial /dev/pts/3",
            "  fpga-emu --device fpga-aes@tcp:4001 --device 82559-plain@tcp:4002,defects=MAC_NOT_RESTORED",
            "  fpga-emu --device 82559-ipsec@serial:/tmp/nic0,seed=7 --serve-hub udp:127.0.0.1:9000",
            "",
            "  fpga-emu --device fpga-aes,nvm=/var/lib/nicrig/nic0,trusted-key=keys/lab.pub --tcp 4001",
            "",
            "Exit status: 0 stopped by SIGTERM/SIGINT, 1 could not start (port missing or busy, address in use,",
            "no hub, capture file, bad nvm directory or key file), 2 bad arguments.",
        };
    }

    @Override
    public Integer call() throws InterruptedException {
        Emulator.Plan plan = plan();
        PrintWriter out = spec.commandLine().getOut();
        Emulator emu;
        try {
            emu = Emulator.start(plan, line -> {
                out.println(line);
                out.flush();
            });
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("fpga-emu: " + e.getMessage());
            err.flush();
            return EXIT_START_FAILED;
        }
        running = emu;
        if (exitOnSignal) {
            // The JVM would exit 143 after SIGTERM; being told to stop is this program's normal
            // end, so the hook closes every port and then ends the JVM with status 0.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                emu.close();
                out.flush();
                Runtime.getRuntime().halt(EXIT_OK);
            }, "fpga-emu shutdown"));
        }
        stop.await();
        emu.close();
        return EXIT_OK;
    }

    /** Stops a {@link #call()} running in this JVM. */
    public void stop() {
        stop.countDown();
    }

    /** The running emulator (for tests), or null before it started. */
    Emulator emulator() {
        return running;
    }

    /** Checks what the options say together; a conflict is a usage error (exit 2). */
    private Emulator.Plan plan() {
        if (devices.isEmpty() && serveHub == null) {
            throw usage("at least one --device is needed (or --serve-hub to run only a hub)");
        }
        if (hub != null && serveHub != null) {
            throw usage("--hub joins a hub and --serve-hub runs one: give one of them");
        }
        List<DeviceSpec> resolved = new ArrayList<>(devices);
        if (serial != null || tcp != null) {
            if (serial != null && tcp != null) {
                throw usage("--serial and --tcp both given: a device has one endpoint");
            }
            if (devices.size() != 1 || devices.get(0).endpoint() != null) {
                throw usage("--serial/--tcp give the endpoint of a single --device without @ENDPOINT;"
                        + " with several devices write --device PROFILE@serial:/PATH or PROFILE@tcp:PORT");
            }
            try {
                resolved.set(0, devices.get(0).withEndpoint(serial != null ? Endpoint.serial(serial) : Endpoint.tcp(tcp)));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        Set<MacAddress> macs = new HashSet<>();
        Set<String> endpoints = new HashSet<>();
        for (int i = 0; i < resolved.size(); i++) {
            DeviceSpec d = resolved.get(i);
            if (d.endpoint() == null) {
                throw usage("device " + (i + 1) + " (" + d.profile().name() + ") has no endpoint:"
                        + " write " + d.profile().name() + "@serial:/PATH or @tcp:PORT, or give --serial/--tcp");
            }
            if (!macs.add(d.macOr(i + 1))) {
                throw usage("two devices have MAC " + d.macOr(i + 1) + ": give each its own mac=");
            }
            boolean anyPort = d.endpoint() instanceof Endpoint.Tcp t && t.port() == 0;
            if (!anyPort && !endpoints.add(d.endpoint().toString())) {
                throw usage("two devices on " + d.endpoint() + ": give each its own endpoint");
            }
        }
        return new Emulator.Plan(resolved, speed, hub, serveHub, pcap, peers);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static final class DeviceSpecConverter implements CommandLine.ITypeConverter<DeviceSpec> {
        @Override
        public DeviceSpec convert(String value) {
            try {
                return DeviceSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PeerSpecConverter implements CommandLine.ITypeConverter<PeerSpec> {
        @Override
        public PeerSpec convert(String value) {
            try {
                return PeerSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class UdpConverter implements CommandLine.ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            try {
                return Endpoint.udp(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class SpeedConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            if (value.equalsIgnoreCase("unlimited")) {
                return Double.POSITIVE_INFINITY;
            }
            double x;
            try {
                x = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("speed '" + value + "' is neither a number nor 'unlimited'");
            }
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new TypeConversionException("speed must be a number above 0 or 'unlimited', got " + value);
            }
            return x;
        }
    }
}
