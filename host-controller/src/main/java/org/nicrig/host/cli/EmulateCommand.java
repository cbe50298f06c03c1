package org.nicrig.host.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nicrig emulate ARGS}: the device emulator, the same program as scripts/fpga-emu. Every
 * argument (its --help included) goes to fpga-emu as it is; only the global --debug is nicrig's.
 */
@Command(name = EmulateCommand.NAME,
        description = {"Serves emulated IPsec NICs over serial ports or TCP (the same as scripts/fpga-emu).",
                "Every argument is passed to it: nicrig emulate --help lists them."})
final class EmulateCommand implements Callable<Integer> {
    static final String NAME = "emulate";

    @ParentCommand
    private Nicrig nicrig;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ARGS", arity = "0..*", description = "fpga-emu's arguments.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return nicrig.seams().emulator().launch(args.toArray(String[]::new), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
