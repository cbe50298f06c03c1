package org.nicrig.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nicrig probe RIG}: is every device there, and would the team admit it? */
@Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, usageHelpWidth = 100,
        description = {"Opens every device of a rig, asks who it is (IDENTIFY) and runs admission on it:",
                "the allow-list (patent op. 300) and an engine self-test judged by the host (op. 302).",
                "Prints one row per device; an unreachable device is a row with the reason."})
final class ProbeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RIG", description = "The rig file, e.g. rigs/emulated.yaml.")
    private Path rig;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the self-test challenges (default: a fresh one, printed).")
    private Long seed;

    @Option(names = "--nvm-dir", paramLabel = "DIR",
            description = "Emulated devices keep their firmware slots and EEPROM in DIR/NAME, as `nicrig fw flash "
                    + "--nvm-dir DIR` left them (default: in memory, factory state).")
    private Path nvmDir;

    @Override
    public Integer call() throws ConfigErrors {
        Rig loaded = nvmDir == null ? RigLoader.load(rig) : RigLoader.load(rig).withNvmDir(nvmDir);
        long s = seed != null ? seed : new SplittableRandom().nextLong();
        PrintWriter out = spec.commandLine().getOut();
        out.println("rig " + loaded.name() + " (" + rig + "), self-test seed " + s);
        out.flush();
        List<ProbeRow> rows = new Prober(Prober.standardTransports()).probe(loaded, s);
        out.print(TextTable.format(ProbeRow.HEADER, rows.stream().map(ProbeRow::cells).toList(), ""));
        long ok = rows.stream().filter(ProbeRow::ok).count();
        out.println(ok + " of " + rows.size() + " devices admitted as the rig expects");
        out.flush();
        return ok == rows.size() ? ExitCode.OK : ExitCode.FAILED;
    }
}
