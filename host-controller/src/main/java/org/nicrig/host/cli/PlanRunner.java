package org.nicrig.host.cli;

import java.io.IOException;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.run.RunOptions;
import org.nicrig.host.run.RunResult;
import org.nicrig.host.run.Runner;

/** What {@code nicrig run} calls to run a plan: {@link Runner#run} in production, a fake in tests. */
@FunctionalInterface
public interface PlanRunner {
    PlanRunner DEFAULT = Runner::run;

    /**
     * @throws ConfigErrors a bad plan or rig, every error located (exit 2)
     * @throws IOException  the output directory could not be made or written (exit 2)
     */
    RunResult run(RunOptions options) throws ConfigErrors, IOException;
}
