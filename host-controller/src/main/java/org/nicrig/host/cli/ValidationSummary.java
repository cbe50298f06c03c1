package org.nicrig.host.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nicrig.host.compare.Comparison;
import org.nicrig.host.compare.Finding;
import org.nicrig.host.compare.PlanComparison;
import org.nicrig.host.compare.ThroughputFigure;
import org.nicrig.host.validate.ValidationResult;

/**
 * The short summary {@code nicrig validate-firmware} ends with: the decision and every reason, the
 * plans' verdicts side by side, the new failures, throughput per suite, and where the reports are.
 */
final class ValidationSummary {
    /** More new failures than this: the rest are in the report. */
    static final int MAX_FINDINGS = 10;

    private ValidationSummary() {
    }

    static String format(ValidationResult result) {
        Comparison c = result.comparison();
        StringBuilder b = new StringBuilder();
        b.append('\n').append(c.decision().words()).append("  candidate ").append(c.candidate().image().version())
                .append(" against baseline ").append(c.baseline().image().version()).append(" on ").append(c.rig())
                .append("  (seed ").append(c.seed()).append(")\n");
        c.reasons().forEach(r -> b.append("  - ").append(r).append('\n'));
        c.warnings().forEach(w -> b.append("  warning: ").append(w).append('\n'));
        if (!c.plans().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (PlanComparison p : c.plans()) {
                rows.add(List.of(p.plan(), p.baselineVerdict(), p.candidateVerdict()));
            }
            b.append(TextTable.format(List.of("plan", "baseline", "candidate"), rows, "  "));
        }
        b.append("new failures: ").append(c.newFailures().size()).append(", fixed: ").append(c.fixedFailures().size())
                .append(", still failing: ").append(c.stillFailing().size()).append('\n');
        List<Finding> shown = c.newFailures().stream().limit(MAX_FINDINGS).toList();
        shown.forEach(f -> b.append("  new: ").append(f.title()).append(": ").append(f.candidate())
                .append(f.detail().isEmpty() ? "" : " - " + f.detail()).append('\n'));
        if (shown.size() < c.newFailures().size()) {
            b.append("  (").append(c.newFailures().size() - shown.size()).append(" more in the report)\n");
        }
        throughput(b, c.throughput());
        b.append("report: ").append(result.html()).append('\n')
                .append("also:   ").append(result.json()).append('\n');
        java.nio.file.Path out = result.json().getParent() == null ? java.nio.file.Path.of("") : result.json().getParent();
        List<String> runs = new ArrayList<>();
        for (PlanComparison p : c.plans()) {
            for (String report : List.of(p.baselineReport(), p.candidateReport())) {
                if (!report.isEmpty()) {
                    runs.add(out.resolve(report).toString());
                }
            }
        }
        if (!runs.isEmpty()) {
            b.append("runs:   ").append(String.join(", ", runs)).append('\n');
        }
        return b.toString();
    }

    private static void throughput(StringBuilder b, List<ThroughputFigure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        b.append("throughput (plaintext Mb/s, baseline -> candidate):\n");
        List<List<String>> rows = new ArrayList<>();
        for (ThroughputFigure t : figures) {
            rows.add(List.of(t.plan(), t.suite(), t.work(), mbps(t.baselineMbps()) + " -> " + mbps(t.candidateMbps()),
                    t.change() == null ? "" : String.format(Locale.ROOT, "%+.1f %%", t.change() * 100), t.judgement().name()));
        }
        b.append(TextTable.format(null, rows, "  "));
    }

    private static String mbps(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }
}
