package org.nicrig.host.compare;

import java.util.ArrayList;
import java.util.List;
import org.nicrig.host.report.RunReport;
import org.nicrig.host.report.RunVerdict;

/**
 * Compares what the rig saw a candidate firmware do with what it saw the baseline do, and decides.
 *
 * <p>NO-GO when any of these holds, each given as a reason in plain words:
 * <ol>
 *   <li>the candidate could not be flashed (refused, fell back to the old firmware, flash failed);</li>
 *   <li>a check that passed on the baseline fails on the candidate (a new failure);</li>
 *   <li>a plan's run on the candidate did not pass (even if it failed on the baseline too: the candidate must pass);</li>
 *   <li>throughput of a cipher suite fell by more than {@link ComparisonSettings#maxRegression()};</li>
 *   <li>a fail-over gap on the candidate is beyond its plan's limit.</li>
 * </ol>
 * ERROR when the baseline could not be flashed: there is nothing to compare against. Else GO.
 */
public final class Comparer {
    private Comparer() {
    }

    public static Comparison compare(String rig, long seed, String nicrigVersion, ImageValidation baseline,
                                     ImageValidation candidate, List<String> plans, SuiteMap suites,
                                     ComparisonSettings settings) {
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<PlanComparison> planRows = new ArrayList<>();
        List<Finding> newFailures = new ArrayList<>();
        List<Finding> fixed = new ArrayList<>();
        List<Finding> still = new ArrayList<>();
        List<ThroughputFigure> throughput = new ArrayList<>();
        List<FailoverGap> gaps = new ArrayList<>();

        baseline.failure().ifPresent(why -> reasons.add("the baseline " + baseline.image().version()
                + " could not be validated, so there is nothing to compare against: " + why));
        if (baseline.failure().isEmpty()) {
            candidate.failure().ifPresent(why -> reasons.add("the candidate " + candidate.image().version()
                    + " could not be validated: " + why));
        }
        // each image runs on fresh device memory, so the flash itself cannot show this: a device in the
        // field that runs the baseline has its rollback floor at the baseline's counter (D.7)
        if (candidate.image().rollbackCounter() < baseline.image().rollbackCounter()) {
            reasons.add("the candidate's rollback counter " + candidate.image().rollbackCounter() + " is below the baseline's "
                    + baseline.image().rollbackCounter() + ": a device that runs the baseline refuses it (FW_ROLLBACK)");
        }
        warnings.addAll(baseline.image().notes());
        warnings.addAll(candidate.image().notes());

        for (String plan : plans) {
            PlanRun b = baseline.runs().get(plan);
            PlanRun c = candidate.runs().get(plan);
            RunReport br = b == null ? null : b.report();
            RunReport cr = c == null ? null : c.report();
            List<CheckRow> rows = CheckRows.of(br, cr);
            planRows.add(new PlanComparison(plan, verdict(br), verdict(cr), br == null ? "" : br.message(),
                    cr == null ? "" : cr.message(), b == null ? "" : b.reportPath(), c == null ? "" : c.reportPath(), rows));
            for (CheckRow row : rows) {
                switch (row.trend()) {
                    case NEW_FAILURE -> newFailures.add(Finding.of(plan, row));
                    case FIXED -> fixed.add(Finding.of(plan, row));
                    case STILL_FAILING -> still.add(Finding.of(plan, row));
                    default -> marginal(plan, row, warnings);
                }
            }
            planVerdicts(plan, br, cr, candidate, reasons, warnings);
            throughput.addAll(ThroughputFigures.of(plan, br, cr, suites, settings));
            gaps.addAll(FailoverGaps.of(plan, br, cr));
        }

        for (Finding f : newFailures) {
            if (!(f.kind() == CheckKind.EXPECTATION && f.name().endsWith(FailoverGaps.MEASURE))) { // said below, with its limit
                reasons.add("new failure in " + f.title() + ": " + f.baseline() + " on the baseline, " + f.candidate()
                        + " on the candidate" + (f.detail().isEmpty() ? "" : ": " + f.detail()));
            }
        }
        for (ThroughputFigure t : throughput) {
            throughputReason(t, settings, reasons, warnings);
        }
        for (FailoverGap g : gaps) {
            if (g.beyondLimit()) {
                reasons.add("fail-over gap in " + g.plan() + " (" + g.expectation() + ") was "
                        + (g.candidateMs() == null ? "not measured" : Figures.number(g.candidateMs()) + " ms")
                        + " on the candidate, beyond the plan's limit (" + g.limit() + "); the baseline's was "
                        + (g.baselineMs() == null ? "not measured" : Figures.number(g.baselineMs()) + " ms"));
            }
        }

        Decision decision = baseline.failure().isPresent() ? Decision.ERROR
                : reasons.isEmpty() ? Decision.GO : Decision.NO_GO;
        return new Comparison(Comparison.FORMAT, rig, seed, nicrigVersion, decision, reasons, warnings,
                settings.maxRegression(), side(baseline), side(candidate), newFailures, fixed, still, planRows,
                throughput, gaps);
    }

    private static Comparison.Side side(ImageValidation v) {
        return new Comparison.Side(v.image(), v.flashes(), v.failure().orElse(""));
    }

    private static String verdict(RunReport r) {
        return r == null ? CheckRow.NOT_RUN : r.verdict().name();
    }

    private static void planVerdicts(String plan, RunReport b, RunReport c, ImageValidation candidate,
                                     List<String> reasons, List<String> warnings) {
        if (c == null && candidate.failure().isEmpty()) {
            reasons.add("plan " + plan + " did not run on the candidate");
        } else if (c != null && c.verdict() != RunVerdict.PASS) {
            reasons.add("plan " + plan + " " + c.verdict() + " on the candidate"
                    + (c.message().isEmpty() ? "" : ": " + c.message())
                    + (b != null && b.verdict() != RunVerdict.PASS ? " (it did not pass on the baseline either)" : ""));
        }
        if (b != null && b.verdict() != RunVerdict.PASS) {
            warnings.add("plan " + plan + " " + b.verdict() + " on the baseline: what failed there is listed as still"
                    + " failing or fixed, not as new");
        }
    }

    private static void marginal(String plan, CheckRow row, List<String> warnings) {
        if (row.trend() == Trend.PASSING && "MARGINAL".equals(row.candidate()) && !"MARGINAL".equals(row.baseline())) {
            warnings.add(plan + ": " + row.kind().words() + " '" + row.name() + "' " + row.baseline()
                    + " on the baseline, MARGINAL on the candidate: " + row.candidateDetail());
        }
    }

    private static void throughputReason(ThroughputFigure t, ComparisonSettings settings, List<String> reasons,
                                         List<String> warnings) {
        String name = t.suite() + " " + t.work() + " in " + t.plan();
        switch (t.judgement()) {
            case REGRESSED -> reasons.add("throughput of " + name + " fell " + Figures.percent(-t.change()) + ", from "
                    + Figures.mbps(t.baselineMbps()) + " to " + Figures.mbps(t.candidateMbps()) + ": more than the "
                    + Figures.percent(settings.maxRegression()) + " allowed");
            case TOO_SHORT -> warnings.add("throughput of " + name + " was measured over less than "
                    + settings.minMeasuredTime().toMillis() + " ms, too short to judge; not counted");
            default -> {
            }
        }
    }
}
