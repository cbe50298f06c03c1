package org.nicrig.host.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * When a fault or hot-swap step fires. In a parallel group this is how such a step is placed in
 * time against the traffic running beside it.
 */
public sealed interface Trigger {

    /** When the step is reached: at once in a sequence, at the group's start in a parallel group. */
    record WhenReached() implements Trigger {
    }

    /**
     * {@code at: 3s}: that long after the enclosing parallel group started, or after the plan
     * started for a top-level step (which then waits until that time if reached earlier, and
     * fires at once if reached later).
     */
    record At(Duration sinceStart) implements Trigger {
        public At {
            Objects.requireNonNull(sinceStart, "sinceStart");
        }
    }

    /** {@code after: load}: as soon as the named step has finished. */
    record After(String step) implements Trigger {
        public After {
            Objects.requireNonNull(step, "step");
        }
    }
}
