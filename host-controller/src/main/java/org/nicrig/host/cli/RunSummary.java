package org.nicrig.host.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nicrig.host.report.MeasurementOutcome;
import org.nicrig.host.report.MeasurementResult;
import org.nicrig.host.report.ReportSet;
import org.nicrig.host.report.RunReport;
import org.nicrig.host.report.StepOutcome;
import org.nicrig.host.report.StepResult;
import org.nicrig.host.run.RunResult;

/**
 * The one-screen summary {@code nicrig run} ends with: verdict, steps, measurements against their
 * limits, totals, and where the reports are. A long plan lists only what did not pass, so the
 * verdict's reasons stay on the screen; the HTML report has everything.
 */
final class RunSummary {
    /** More steps than this: only those that did not pass are listed. */
    static final int MAX_STEPS = 12;
    /** More measurements than this: only MARGINAL and FAIL ones are listed. */
    static final int MAX_MEASUREMENTS = 8;

    private RunSummary() {
    }

    static String format(RunResult result) {
        RunReport r = result.report();
        StringBuilder b = new StringBuilder();
        b.append('\n').append(r.verdict()).append("  ").append(r.plan()).append(" on ").append(r.rig())
                .append("  (seed ").append(r.seed()).append(", ").append(seconds(r.duration()))
                .append(r.complete() ? "" : ", incomplete").append(")\n");
        if (!r.message().isEmpty()) {
            b.append("  ").append(r.message()).append('\n');
        }
        steps(b, r.steps());
        measurements(b, r.measurements());
        b.append("packets: ").append(r.packetsSent()).append(" sent, ").append(r.verdicts().total().ok())
                .append(" verified, ").append(r.verdicts().total().failed()).append(" failed; jobs: ")
                .append(r.jobs().completed()).append(" completed, ").append(r.jobs().failed()).append(" failed\n");
        reports(b, result.files(), result.outDir());
        return b.toString();
    }

    private static void steps(StringBuilder b, List<StepResult> steps) {
        if (steps.isEmpty()) {
            return;
        }
        List<StepResult> shown = steps.size() <= MAX_STEPS ? steps
                : steps.stream().filter(s -> s.outcome() != StepOutcome.PASS).limit(MAX_STEPS).toList();
        b.append("steps:\n");
        List<List<String>> rows = new ArrayList<>();
        for (StepResult s : shown) {
            rows.add(List.of(s.outcome().toString(), s.name(), s.type(), seconds(s.duration()), s.message()));
        }
        b.append(TextTable.format(null, rows, "  "));
        if (shown.size() < steps.size()) {
            long passed = steps.stream().filter(s -> s.outcome() == StepOutcome.PASS).count();
            b.append("  (").append(passed).append(" of ").append(steps.size()).append(" steps passed; ")
                    .append(steps.size() - shown.size()).append(" not listed)\n");
        }
    }

    private static void measurements(StringBuilder b, List<MeasurementResult> all) {
        if (all.isEmpty()) {
            return;
        }
        List<MeasurementResult> shown = all.size() <= MAX_MEASUREMENTS ? all
                : all.stream().filter(m -> m.outcome() != MeasurementOutcome.PASS).limit(MAX_MEASUREMENTS).toList();
        b.append("measurements:\n");
        List<List<String>> rows = new ArrayList<>();
        for (MeasurementResult m : shown) {
            rows.add(List.of(m.outcome().toString(), m.name(), number(m.value()) + (m.unit().isEmpty() ? "" : " " + m.unit()),
                    m.limitText(), m.step()));
        }
        b.append(TextTable.format(null, rows, "  "));
        if (shown.size() < all.size()) {
            b.append("  (").append(all.size() - shown.size()).append(" more passed; see the report)\n");
        }
    }

    private static void reports(StringBuilder b, ReportSet.Files files, Path outDir) {
        if (files == null) {
            b.append("output: ").append(outDir).append('\n');
            return;
        }
        b.append("report: ").append(files.html()).append('\n')
                .append("also:   ").append(files.junitXml()).append(", ").append(files.summaryJson().getFileName())
                .append(", and the journal and pcaps in ").append(outDir).append('\n');
    }

    /** Four significant digits, no exponent, no trailing zeros: 12.5, 0.0031, 1200. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
