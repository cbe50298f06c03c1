package org.nicrig.host.cli;

import java.io.PrintWriter;
import org.nicrig.model.cli.FpgaEmu;
import picocli.CommandLine;

/** Runs the device emulator (fpga-emu) for {@code nicrig emulate}, with the arguments as given. */
@FunctionalInterface
public interface EmulatorLauncher {

    /**
     * The fpga-emu program itself, exactly as scripts/fpga-emu runs it: it handles SIGTERM/SIGINT
     * by closing its ports and ends the JVM with its own exit status (so it never returns).
     */
    EmulatorLauncher PROCESS = (args, out, err) -> {
        out.flush();
        FpgaEmu.main(args);
        return ExitCode.INTERNAL; // not reached: FpgaEmu.main exits
    };

    /** In this JVM, printing to {@code out}/{@code err}; returns when the emulator stops (for --help and tests). */
    EmulatorLauncher IN_PROCESS = (args, out, err) -> {
        CommandLine emu = FpgaEmu.commandLine(new FpgaEmu());
        emu.setOut(out);
        emu.setErr(err);
        return emu.execute(args);
    };

    /** Runs the emulator and returns its exit status. */
    int launch(String[] args, PrintWriter out, PrintWriter err);
}
