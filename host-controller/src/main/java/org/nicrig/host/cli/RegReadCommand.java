package org.nicrig.host.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.nicrig.host.cli.DeviceTarget.OpenDevice;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.transport.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nicrig reg read ADDR}: one register's value. */
@Command(name = "read", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100, description = "Reads one 32-bit register and prints its value in hex and decimal.")
final class RegReadCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DeviceTarget target;

    @Parameters(index = "0", paramLabel = "ADDR", description = "Register address, decimal or 0x hex (0..0xffffffff).")
    private String address;

    @Override
    public Integer call() throws ConfigErrors, TransportException, SessionException, CommandFailure {
        long a = Registers.argument(spec.commandLine(), address, "register address");
        PrintWriter out = spec.commandLine().getOut();
        try (OpenDevice d = target.open()) {
            long v = Registers.read(d.session(), a);
            out.println(d.name() + ": register " + Registers.hex(a) + " = " + Registers.hex(v) + " (" + v + ")");
        }
        out.flush();
        return ExitCode.OK;
    }
}
