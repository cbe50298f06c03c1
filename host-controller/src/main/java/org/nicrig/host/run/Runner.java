package org.nicrig.host.run;

import java.io.IOException;
import org.nicrig.host.config.ConfigErrors;

/**
 * PLACEHOLDER so that {@code nicrig run} compiles before the runner is merged: the runner's author
 * replaces this whole file with the real {@code Runner}, keeping this signature.
 */
public final class Runner {
    private Runner() {
    }

    public static RunResult run(RunOptions options) throws ConfigErrors, IOException { throw new UnsupportedOperationException("runner not merged yet"); }
}
