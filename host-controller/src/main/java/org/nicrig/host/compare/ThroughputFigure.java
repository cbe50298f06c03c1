package org.nicrig.host.compare;

import java.util.List;
import java.util.Objects;

/**
 * Throughput of one cipher suite in one plan, for one kind of work, on both images: plaintext
 * bytes the steps moved (packets or jobs the reference checked, whatever their verdict) times 8,
 * over the steps' summed duration, in megabits per second. With one seed the two images move the
 * same bytes, so the figures differ only in time taken. Null when not measured.
 *
 * @param suite     e.g. {@code aes-128-cbc + hmac-sha2-256-128}
 * @param work      {@link #JOBS} or {@link #TRAFFIC}
 * @param what      what the figure is, in words, for the report
 * @param steps     the plan steps it sums
 * @param change    (candidate - baseline) / baseline, e.g. -0.25 for a quarter slower; null when either is missing
 */
public record ThroughputFigure(String plan, String suite, String work, String what, List<String> steps,
                               Double baselineMbps, Double candidateMbps, Double baselineSeconds,
                               Double candidateSeconds, Double change, Judgement judgement) {
    /** Secondary-use jobs through the team's crypto service (FIG. 6): closest to the engines' own rate. */
    public static final String JOBS = "secondary-use jobs";
    /** The team's own traffic, both directions, FIG. 4 / FIG. 5 offload included. */
    public static final String TRAFFIC = "team traffic";

    /** Whether the figure counts against the candidate. */
    public enum Judgement {
        /** Within the allowed regression (or faster). */
        OK,
        /** Slower than the baseline by more than the allowed regression: a NO-GO. */
        REGRESSED,
        /** Measured over too short a time to judge against the noise; shown, not judged. */
        TOO_SHORT,
        /** One side moved nothing (its run failed or did not run): nothing to judge. */
        NOT_MEASURED
    }

    public ThroughputFigure {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(work, "work");
        what = what == null ? "" : what;
        steps = List.copyOf(steps);
        Objects.requireNonNull(judgement, "judgement");
    }
}
