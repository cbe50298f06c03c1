package org.nicrig.host.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nicrig.host.report.RunReport;
import org.nicrig.host.report.StepResult;

/**
 * Throughput per cipher suite of one plan on both images, from what each step moved
 * ({@link StepResult#bytes()} over {@link StepResult#duration()}), summed per suite and kind of
 * work: secondary-use jobs apart from team traffic, because jobs go straight to an engine while
 * traffic also pays for FIG. 4 / FIG. 5 hand-offs and the peer's echo. Probes are left out: they
 * send fixed, small counts to check bytes, not to load an engine.
 */
final class ThroughputFigures {
    private ThroughputFigures() {
    }

    private static final class Sum {
        final List<String> steps = new ArrayList<>();
        long baselineBytes;
        long baselineNanos;
        long candidateBytes;
        long candidateNanos;
    }

    static List<ThroughputFigure> of(String plan, RunReport baseline, RunReport candidate, SuiteMap suites,
                                     ComparisonSettings settings) {
        Map<String, Sum> sums = new LinkedHashMap<>();
        List<StepResult> steps = baseline != null ? baseline.steps() : candidate != null ? candidate.steps() : List.of();
        for (StepResult s : steps) {
            String work = work(s.type());
            Optional<String> suite = suites.suite(plan, s.name());
            if (work == null || suite.isEmpty()) {
                continue;
            }
            Sum sum = sums.computeIfAbsent(suite.get() + "\n" + work, k -> new Sum());
            sum.steps.add(s.name());
            find(baseline, s.name()).ifPresent(b -> {
                sum.baselineBytes += b.bytes();
                sum.baselineNanos += b.duration().toNanos();
            });
            find(candidate, s.name()).ifPresent(c -> {
                sum.candidateBytes += c.bytes();
                sum.candidateNanos += c.duration().toNanos();
            });
        }
        List<ThroughputFigure> out = new ArrayList<>();
        sums.forEach((key, sum) -> {
            String[] parts = key.split("\n", 2);
            out.add(figure(plan, parts[0], parts[1], sum, settings));
        });
        return out;
    }

    private static String work(String stepType) {
        return switch (stepType) {
            case "secondary" -> ThroughputFigure.JOBS;
            case "traffic" -> ThroughputFigure.TRAFFIC;
            default -> null;
        };
    }

    private static Optional<StepResult> find(RunReport r, String step) {
        return r == null ? Optional.empty() : r.steps().stream().filter(s -> s.name().equals(step)).findFirst();
    }

    private static ThroughputFigure figure(String plan, String suite, String work, Sum s, ComparisonSettings settings) {
        Double b = mbps(s.baselineBytes, s.baselineNanos);
        Double c = mbps(s.candidateBytes, s.candidateNanos);
        Double change = b == null || c == null ? null : (c - b) / b;
        long minNanos = settings.minMeasuredTime().toNanos();
        ThroughputFigure.Judgement j;
        if (b == null || c == null) {
            j = ThroughputFigure.Judgement.NOT_MEASURED;
        } else if (s.baselineNanos < minNanos || s.candidateNanos < minNanos) {
            j = ThroughputFigure.Judgement.TOO_SHORT;
        } else if (change < -settings.maxRegression()) {
            j = ThroughputFigure.Judgement.REGRESSED;
        } else {
            j = ThroughputFigure.Judgement.OK;
        }
        String what = (work.equals(ThroughputFigure.JOBS)
                ? "plaintext bytes of the secondary-use jobs completed, x 8, over the steps' time"
                : "plaintext bytes of the team's packets checked by the reference, both directions, x 8, over the steps' time")
                + " (" + String.join(", ", s.steps) + ")";
        return new ThroughputFigure(plan, suite, work, what, s.steps, b, c, seconds(s.baselineNanos, b),
                seconds(s.candidateNanos, c), change, j);
    }

    private static Double mbps(long bytes, long nanos) {
        return bytes <= 0 || nanos <= 0 ? null : bytes * 8e3 / nanos;
    }

    private static Double seconds(long nanos, Double mbps) {
        return mbps == null ? null : nanos / 1e9;
    }
}
