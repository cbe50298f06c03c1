package org.nicrig.host.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code nicrig}: the command line of the rig. Subcommands run a plan, validate files, probe a
 * rig's devices, list ports, run the emulator and make firmware images ({@code fw}); exit
 * statuses are {@link ExitCode}'s.
 *
 * <pre>{@code
 * int status = Nicrig.commandLine(Seams.PRODUCTION).execute("validate", "test-plans/smoke.yaml");
 * }</pre>
 */
@Command(name = "nicrig", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = "Hardware-in-the-loop test rig for teams of NICs with IPsec engines.",
        subcommands = {RunCommand.class, ValidateCommand.class, ProbeCommand.class, PortsCommand.class,
                EmulateCommand.class, FwCommand.class, EepromCommand.class, RegCommand.class,
                ValidateFirmwareCommand.class},
        footer = {"", "Examples:",
                "  nicrig validate rigs/emulated.yaml test-plans/*.yaml",
                "  nicrig probe rigs/emulated.yaml",
                "  nicrig run test-plans/smoke.yaml --seed 7",
                "  nicrig emulate --device fpga-aes --tcp 4001",
                "  nicrig fw verify build/fpga-aes-1.5.0.img --key keys/nicrig-dev.pub",
                "  nicrig eeprom read --device fpga1",
                "  nicrig reg read --device fpga1 0x10",
                "  nicrig validate-firmware --rig rigs/emulated.yaml --baseline a.img --candidate b.img"})
public final class Nicrig implements Callable<Integer> {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an error, also print its stack trace (for a bug report).")
    boolean debug;

    @Spec
    private CommandSpec spec;

    private final Seams seams;

    /** For picocli's reflection only; {@link #commandLine} is the way in. */
    Nicrig() {
        this(Seams.PRODUCTION);
    }

    private Nicrig(Seams seams) {
        this.seams = seams;
    }

    public static void main(String[] args) {
        System.exit(commandLine(Seams.PRODUCTION).execute(args));
    }

    /** The configured command line: one-line usage errors, exit statuses as {@link ExitCode} says. */
    public static CommandLine commandLine(Seams seams) {
        CommandLine cmd = new CommandLine(new Nicrig(seams));
        // emulate hands every argument to fpga-emu, its options included
        cmd.getSubcommands().get(EmulateCommand.NAME).setUnmatchedOptionsArePositionalParams(true);
        withExitStatus(cmd);
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(EmulateCommand.NAME)) { // fpga-emu's help has its own exit statuses
                withExitStatusAll(sub);
            }
        });
        cmd.setParameterExceptionHandler(Failures::usage);
        cmd.setExecutionExceptionHandler(Failures::thrown);
        return cmd;
    }

    /** {@code c} and its subcommands ({@code nicrig fw sign}, {@code nicrig eeprom read}) end their help with the exit statuses. */
    private static void withExitStatusAll(CommandLine c) {
        withExitStatus(c);
        c.getSubcommands().values().forEach(Nicrig::withExitStatusAll);
    }

    private static void withExitStatus(CommandLine c) {
        var usage = c.getCommandSpec().usageMessage();
        String[] footer = java.util.Arrays.copyOf(usage.footer(), usage.footer().length + ExitCode.FOOTER.length);
        System.arraycopy(ExitCode.FOOTER, 0, footer, usage.footer().length, ExitCode.FOOTER.length);
        usage.footer(footer);
    }

    Seams seams() {
        return seams;
    }

    /** {@code nicrig} without a command: the usage, as an error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("nicrig: missing command");
        spec.commandLine().usage(err);
        return ExitCode.USAGE;
    }
}
