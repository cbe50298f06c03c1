package org.nicrig.host.report;

import java.time.Duration;
import java.util.Objects;

/**
 * One plan step in a report; {@code type} is the plan's step type, {@code message} why it failed or
 * empty; {@code items} and {@code bytes} the packets or jobs it had checked and their plaintext
 * bytes (0 for a step that moves no traffic).
 */
public record StepResult(String name, String type, StepOutcome outcome, Duration duration, String message, long items,
                         long bytes) {
    public StepResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        type = Text.orEmpty(type);
        message = Text.orEmpty(message);
        if (items < 0 || bytes < 0) {
            throw new IllegalArgumentException("negative items or bytes: " + items + ", " + bytes);
        }
    }

    /** A step that moved no traffic. */
    public StepResult(String name, String type, StepOutcome outcome, Duration duration, String message) {
        this(name, type, outcome, duration, message, 0, 0);
    }

    /** Plaintext megabits per second over the step's duration; NaN when it moved nothing or took no time. */
    public double megabitsPerSecond() {
        long nanos = duration.toNanos();
        return bytes == 0 || nanos <= 0 ? Double.NaN : bytes * 8e3 / nanos;
    }
}
