package org.nicrig.host.plan;

import java.util.Objects;

/**
 * A named value with a unit and a limit, as OpenHTF's measurements: the runner measures, then
 * {@link #evaluate} says PASS, MARGINAL or FAIL, and the report shows {@link #describe()}.
 *
 * @param name e.g. {@code failover_gap} or {@code secondary_share[fpga1]}
 */
public record Measurement(String name, Unit unit, Limit limit) {
    public Measurement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(limit, "limit");
    }

    public Outcome evaluate(double value) {
        return limit.evaluate(value);
    }

    /** E.g. {@code failover_gap at most 400 ms (marginal above 300)}. */
    public String describe() {
        String l = limit.describe();
        int paren = l.indexOf(" (");
        String u = unit == Unit.RATIO || unit == Unit.COUNT || unit == Unit.FRACTION ? "" : " " + unit.symbol();
        return name + " " + (paren < 0 ? l + u : l.substring(0, paren) + u + l.substring(paren));
    }
}
