package org.nicrig.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.run.RunOptions;
import org.nicrig.host.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nicrig run PLAN}: runs a test plan, shows progress, ends with a one-screen summary. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, usageHelpWidth = 100,
        description = {"Runs a test plan against a rig: admission, the plan's steps, every packet verified",
                "against the Bouncy Castle reference. Writes a journal and JUnit XML, JSON and HTML reports.",
                "The seed in force is printed first; --seed with it replays the run."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private Nicrig nicrig;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "The test plan (YAML), e.g. test-plans/smoke.yaml.")
    private Path plan;

    @Option(names = "--rig", paramLabel = "RIG",
            description = "The rig file (default: the plan's rig:, else rigs/emulated.yaml).")
    private Path rig;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the plan's seed.")
    private Long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the journal and reports go; must not hold a previous run "
                    + "(default: nicrig-out/PLAN-yyyyMMdd-HHmmss).")
    private Path out;

    @Option(names = "--nvm-dir", paramLabel = "DIR",
            description = "Emulated devices keep their firmware slots and EEPROM in DIR/NAME, as `nicrig fw flash "
                    + "--nvm-dir DIR` left them (default: in memory, factory state every run).")
    private Path nvmDir;

    @Option(names = {"-v", "--verbose"}, description = "Journal every packet and job, not only failures and progress.")
    private boolean verbose;

    @Override
    public Integer call() throws ConfigErrors, IOException {
        Seams seams = nicrig.seams();
        PrintWriter stdout = spec.commandLine().getOut();
        ProgressDisplay progress = seams.terminal().getAsBoolean()
                ? new TerminalProgress(stdout) : new LineProgress(stdout);
        Path outDir = out != null ? out : OutDirs.defaultFor(plan, LocalDateTime.now(seams.clock()));
        RunOptions options = new RunOptions(plan, Optional.ofNullable(rig),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed), outDir, verbose, progress,
                Optional.ofNullable(nvmDir));
        RunResult result;
        try {
            result = seams.runner().run(options);
        } finally {
            progress.end();
        }
        stdout.print(RunSummary.format(result));
        stdout.flush();
        return result.passed() ? ExitCode.OK : ExitCode.FAILED;
    }
}
