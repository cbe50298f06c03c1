package org.nicrig.host.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nicrig reg read|write}: a device's registers over REG_READ/REG_WRITE (PROTOCOL.md §5.17–5.18). */
@Command(name = "reg", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpWidth = 100,
        description = {"Reads and writes a device's 32-bit registers. The register map is the device's own",
                "(the emulated ones: fpga-crypto-model's Registers); an address with no register is refused."},
        subcommands = {RegReadCommand.class, RegWriteCommand.class},
        footer = {"", "Examples:",
                "  nicrig reg read --device fpga1 0x10",
                "  nicrig reg write --device fpga1 0x20 0xcafe"})
final class RegCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": missing command (read or write)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
