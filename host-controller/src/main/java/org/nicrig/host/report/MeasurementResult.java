package org.nicrig.host.report;

import java.util.Objects;

/**
 * A measurement with its limit and outcome (OpenHTF's measurement with a validator), e.g.
 * "fail-over gap" 12.5 ms against "<= 50 ms". {@code step} names the step that took it, or is empty.
 */
public record MeasurementResult(String name, double value, String unit, String limitText, MeasurementOutcome outcome,
                                String step) {
    public MeasurementResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        unit = Text.orEmpty(unit);
        limitText = Text.orEmpty(limitText);
        step = Text.orEmpty(step);
    }
}
