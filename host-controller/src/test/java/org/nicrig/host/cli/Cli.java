package org.nicrig.host.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs nicrig in-process, as picocli would from main, with stdout and stderr captured. */
final class Cli {
    /** What one command did. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(Seams seams, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Nicrig.commandLine(seams);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    /** Production seams, except that the emulator runs in this JVM (the real one ends the JVM). */
    static Result run(String... args) {
        return run(Seams.PRODUCTION.withEmulator(EmulatorLauncher.IN_PROCESS), args);
    }
}
