package org.nicrig.host.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * TEMPORARY, test-only: a {@code fw} parent for {@link FwFlashCommand} until FwCommand (branch
 * fw-cli) is on main and lists it among its subcommands. Delete then.
 */
@Command(name = "fw", subcommands = FwFlashCommand.class)
final class TempFw implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCode.USAGE;
    }
}
