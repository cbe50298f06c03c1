package org.nicrig.host.validate;

import org.nicrig.host.run.ProgressListener;

/**
 * What a validation tells the console: each run's progress as {@code nicrig run} shows it, and
 * between runs a line per thing done (the seed, each flash, which image runs next).
 */
public interface ValidationListener extends ProgressListener {
    ValidationListener NONE = new ValidationListener() { };

    default void note(String line) {
    }
}
