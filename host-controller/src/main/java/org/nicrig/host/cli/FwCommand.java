package org.nicrig.host.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nicrig fw}: firmware images (firmware-protocol/FIRMWARE-IMAGE.md). Its subcommands make
 * keys, pack a manifest and payload into an image, sign, inspect and verify it (files only), and
 * flash it onto a device ({@link FwFlashCommand}).
 */
@Command(name = FwCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpWidth = 100,
        description = {"Firmware images: make a signing key, pack a manifest and payload into an image, sign it,",
                "print what it holds, verify its signature, flash it onto a device.",
                "Format: firmware-protocol/FIRMWARE-IMAGE.md."},
        subcommands = {
            FwKeygenCommand.class,
            FwPackCommand.class,
            FwSignCommand.class,
            FwInspectCommand.class,
            FwVerifyCommand.class,
            FwFlashCommand.class,
        },
        footer = {"", "Examples:",
                "  nicrig fw keygen --out keys/lab",
                "  nicrig fw pack --manifest firmware/examples/fpga-aes-1.5.0.yaml \\",
                "      --payload firmware/examples/payload.txt --out build/fpga-aes-1.5.0.img",
                "  nicrig fw sign build/fpga-aes-1.5.0.img --key keys/lab.key",
                "  nicrig fw inspect build/fpga-aes-1.5.0.img",
                "  nicrig fw verify build/fpga-aes-1.5.0.img --key keys/lab.pub",
                "  nicrig fw flash build/fpga-aes-1.5.0.img --device fpga1 --nvm-dir nvm"})
public final class FwCommand implements Callable<Integer> {
    static final String NAME = "fw";

    @ParentCommand
    private Nicrig nicrig;

    @Spec
    private CommandSpec spec;

    /** The seams of the nicrig command this runs under, for subcommands that reach outside. */
    Seams seams() {
        return nicrig.seams();
    }

    /** {@code nicrig fw} alone: the usage, as an error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("nicrig fw: missing subcommand");
        spec.commandLine().usage(err);
        return ExitCode.USAGE;
    }
}
