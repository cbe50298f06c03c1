package org.nicrig.host.compare;

import java.util.Objects;

/**
 * A {@code failover_gap} expectation on both images: the time from the primary's fault until team
 * traffic flowed again over another member, in milliseconds (null when no fail-over was seen),
 * against the plan's limit.
 *
 * @param expectation the expect step and measurement, e.g. {@code failed-over-on-link-down: failover_gap}
 * @param beyondLimit the candidate's gap failed the plan's limit: a NO-GO
 */
public record FailoverGap(String plan, String expectation, Double baselineMs, Double candidateMs, String limit,
                          String baselineOutcome, String candidateOutcome, boolean beyondLimit) {
    public FailoverGap {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(expectation, "expectation");
        limit = limit == null ? "" : limit;
        Objects.requireNonNull(baselineOutcome, "baselineOutcome");
        Objects.requireNonNull(candidateOutcome, "candidateOutcome");
    }
}
