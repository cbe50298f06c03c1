package org.nicrig.host.compare;

import java.util.List;
import java.util.Objects;

/**
 * A firmware comparison, as {@code comparison.json} holds it (schemas/comparison.schema.json):
 * the decision and its reasons first, then the two images, the new, fixed and still-failing
 * checks, each plan side by side, throughput per cipher suite and fail-over gaps.
 *
 * @param format        {@link #FORMAT}, so a reader can tell this file from other JSON
 * @param reasons       why NO-GO (or ERROR), each in plain words; empty for GO
 * @param warnings      what a reader should know that does not decide: marginal passes, figures too short to judge
 * @param maxRegression the allowed throughput drop per suite, a fraction
 * @param plans         in the order they ran
 */
public record Comparison(String format, String rig, long seed, String nicrigVersion, Decision decision,
                         List<String> reasons, List<String> warnings, double maxRegression, Side baseline,
                         Side candidate, List<Finding> newFailures, List<Finding> fixedFailures,
                         List<Finding> stillFailing, List<PlanComparison> plans, List<ThroughputFigure> throughput,
                         List<FailoverGap> failoverGaps) {
    public static final String FORMAT = "nicrig-firmware-comparison/1";

    /** One image's part: what it is, how it flashed, and why its validation stopped, if it did ("" if not). */
    public record Side(ImageFacts image, List<FlashRow> flashes, String failure) {
        public Side {
            Objects.requireNonNull(image, "image");
            flashes = List.copyOf(flashes);
            failure = failure == null ? "" : failure;
        }
    }

    public Comparison {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(rig, "rig");
        nicrigVersion = nicrigVersion == null ? "" : nicrigVersion;
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        newFailures = List.copyOf(newFailures);
        fixedFailures = List.copyOf(fixedFailures);
        stillFailing = List.copyOf(stillFailing);
        plans = List.copyOf(plans);
        throughput = List.copyOf(throughput);
        failoverGaps = List.copyOf(failoverGaps);
    }
}
