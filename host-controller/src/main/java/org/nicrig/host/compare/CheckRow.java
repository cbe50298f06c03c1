package org.nicrig.host.compare;

import java.util.Objects;

/**
 * One check side by side. A state is the report's word for it — PASS, MARGINAL, FAIL, ERROR,
 * SKIPPED for steps and expectations, ADMITTED or REFUSED for admission — or MISSING (the run
 * ended before it) or NOT_RUN (that image ran no plan). Details say what was measured or why.
 *
 * @param name e.g. {@code random-iv-aes}, {@code conforms: verified_fraction}, {@code IV_REUSE}, {@code fpga1}
 */
public record CheckRow(CheckKind kind, String name, String baseline, String candidate, String baselineDetail,
                       String candidateDetail, Trend trend) {
    public static final String MISSING = "MISSING";
    public static final String NOT_RUN = "NOT_RUN";

    public CheckRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        baselineDetail = baselineDetail == null ? "" : baselineDetail;
        candidateDetail = candidateDetail == null ? "" : candidateDetail;
        Objects.requireNonNull(trend, "trend");
    }

    /** Builds the row and works out its trend from the two states. */
    static CheckRow of(CheckKind kind, String name, String baseline, String candidate, String baselineDetail,
                       String candidateDetail) {
        Trend trend = NOT_RUN.equals(baseline) || NOT_RUN.equals(candidate) ? Trend.NOT_COMPARED
                : Trend.of(failed(baseline), failed(candidate));
        return new CheckRow(kind, name, baseline, candidate, baselineDetail, candidateDetail, trend);
    }

    /** Whether a state is a failure: a marginal pass is not; a check that never ran because its run died is. */
    static boolean failed(String state) {
        return switch (state) {
            case "FAIL", "ERROR", "SKIPPED", "REFUSED", MISSING -> true;
            default -> false;
        };
    }
}
