package org.nicrig.host.plan;

import java.time.Duration;
import java.util.Objects;

/** When a fault step fires. */
public sealed interface Trigger {

    /** When the step is reached: at once in a sequence, at the group's start in a parallel group. */
    record WhenReached() implements Trigger {
    }

    /** {@code at: 3s}: that long after the plan started (the step waits until then if reached earlier). */
    record At(Duration sincePlanStart) implements Trigger {
        public At {
            Objects.requireNonNull(sincePlanStart, "sincePlanStart");
        }
    }

    /** {@code after: load}: as soon as the named step has finished. */
    record After(String step) implements Trigger {
        public After {
            Objects.requireNonNull(step, "step");
        }
    }
}
