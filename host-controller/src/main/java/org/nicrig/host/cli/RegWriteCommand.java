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

/** {@code nicrig reg write ADDR VALUE}: writes one register, then reads it back. */
@Command(name = "write", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100, description = {"Writes one 32-bit register and reads it back. A read-only register",
                "or an address with no register is refused."})
final class RegWriteCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DeviceTarget target;

    @Parameters(index = "0", paramLabel = "ADDR", description = "Register address, decimal or 0x hex (0..0xffffffff).")
    private String address;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The value, decimal or 0x hex (0..0xffffffff).")
    private String value;

    @Override
    public Integer call() throws ConfigErrors, TransportException, SessionException, CommandFailure {
        long a = Registers.argument(spec.commandLine(), address, "register address");
        long v = Registers.argument(spec.commandLine(), value, "register value");
        PrintWriter out = spec.commandLine().getOut();
        try (OpenDevice d = target.open()) {
            Registers.write(d.session(), a, v);
            long back = Registers.read(d.session(), a);
            out.println(d.name() + ": register " + Registers.hex(a) + " := " + Registers.hex(v)
                    + ", reads back " + Registers.hex(back));
        }
        out.flush();
        return ExitCode.OK;
    }
}
