package org.nicrig.host.report;

import java.time.Duration;
import java.util.Objects;

/** One plan step in a report; {@code type} is the plan's step type, {@code message} why it failed or empty. */
public record StepResult(String name, String type, StepOutcome outcome, Duration duration, String message) {
    public StepResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        type = Text.orEmpty(type);
        message = Text.orEmpty(message);
    }
}
