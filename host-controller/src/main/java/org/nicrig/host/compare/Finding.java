package org.nicrig.host.compare;

import java.util.Objects;

/**
 * A check that changed for the worse, for the better, or stayed failed, with the plan it is in:
 * the comparison's lists of new, fixed and still-failing checks.
 *
 * @param detail the candidate's detail (what it measured, why it failed), or the baseline's for a fixed check
 */
public record Finding(String plan, CheckKind kind, String name, String baseline, String candidate, String detail) {
    public Finding {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        detail = detail == null ? "" : detail;
    }

    static Finding of(String plan, CheckRow row) {
        String detail = row.trend() == Trend.FIXED ? row.baselineDetail() : row.candidateDetail();
        return new Finding(plan, row.kind(), row.name(), row.baseline(), row.candidate(), detail);
    }

    /** E.g. {@code conformance: expectation 'conforms: verified_fraction'}. */
    public String title() {
        return plan + ": " + kind.words() + " '" + name + "'";
    }
}
