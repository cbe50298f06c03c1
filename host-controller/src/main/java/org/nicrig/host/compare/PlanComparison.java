package org.nicrig.host.compare;

import java.util.List;
import java.util.Objects;

/**
 * One plan on both images: the run verdicts (PASS, FAIL, ERROR, or NOT_RUN), the runs' messages,
 * links to the two run reports, and every check side by side.
 */
public record PlanComparison(String plan, String baselineVerdict, String candidateVerdict, String baselineMessage,
                             String candidateMessage, String baselineReport, String candidateReport,
                             List<CheckRow> checks) {
    public PlanComparison {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(baselineVerdict, "baselineVerdict");
        Objects.requireNonNull(candidateVerdict, "candidateVerdict");
        baselineMessage = baselineMessage == null ? "" : baselineMessage;
        candidateMessage = candidateMessage == null ? "" : candidateMessage;
        baselineReport = baselineReport == null ? "" : baselineReport;
        candidateReport = candidateReport == null ? "" : candidateReport;
        checks = List.copyOf(checks);
    }
}
