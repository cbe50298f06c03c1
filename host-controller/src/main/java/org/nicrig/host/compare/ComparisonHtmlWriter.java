package org.nicrig.host.compare;

import static org.nicrig.host.report.Html.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nicrig.host.report.AtomicFile;
import org.nicrig.host.report.Html;

/**
 * Writes {@code comparison.html}: one self-contained page (inline CSS, no scripts, no external
 * assets; links only to the two runs' own reports beside it). The decision in big letters at the
 * top with its reasons, then the new failures, then the images and how they flashed, the plans'
 * verdicts, throughput per cipher suite, fail-over gaps, fixed and still-failing checks, and every
 * check of every plan side by side. Every string is escaped and the page is well-formed XML, as the
 * run report is.
 */
public final class ComparisonHtmlWriter {
    public static final String FILE_NAME = "comparison.html";

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:0 24px 24px;color:#1a202c}
            header{margin:0 -24px 16px;padding:16px 24px;border-bottom:6px solid}
            header.GO{background:#f0fff4;border-color:#38a169}
            header.NO_GO{background:#fff5f5;border-color:#e53e3e}
            header.ERROR{background:#fffaf0;border-color:#dd6b20}
            .decision{font-size:56px;font-weight:800;letter-spacing:2px;margin:0}
            header.GO .decision{color:#276749} header.NO_GO .decision{color:#c53030} header.ERROR .decision{color:#c05621}
            .sub{font-size:17px;margin:4px 0 8px}
            h2{font-size:17px;margin:24px 0 8px}
            table{border-collapse:collapse;font-size:13px}
            th,td{border:1px solid #cbd5e0;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#edf2f7} td.num{text-align:right;font-variant-numeric:tabular-nums}
            .PASS,.ADMITTED,.FLASHED,.OK,.GO{color:#276749}
            .FAIL,.ERROR,.REFUSED,.MISSING,.FELL_BACK,.FAILED,.REGRESSED,.NO_GO{color:#c53030;font-weight:bold}
            .SKIPPED,.NOT_RUN,.TOO_SHORT,.NOT_MEASURED{color:#718096}.MARGINAL{color:#975a16;font-weight:bold}
            tr.t-NEW_FAILURE td{background:#fff5f5} tr.t-FIXED td{background:#f0fff4} tr.t-STILL_FAILING td{background:#fffaf0}
            ul.reasons li{margin:2px 0} .note{color:#4a5568;font-size:13px} .warn{color:#975a16}
            code{font-family:ui-monospace,monospace;font-size:12px}
            """;

    private ComparisonHtmlWriter() {
    }

    public static void write(Comparison c, Path file) throws IOException {
        AtomicFile.write(file, out -> write(c, out));
    }

    static void write(Comparison c, OutputStream out) throws IOException {
        out.write(render(c).getBytes(StandardCharsets.UTF_8));
    }

    static String render(Comparison c) {
        StringBuilder h = new StringBuilder(32768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>nicrig firmware ")
                .append(esc(c.candidate().image().version())).append(" vs ").append(esc(c.baseline().image().version()))
                .append(" — ").append(c.decision().words()).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        header(h, c);
        findings(h, "New failures", "Nothing that passed on the baseline fails on the candidate.", c.newFailures());
        images(h, c);
        plans(h, c);
        throughput(h, c);
        failover(h, c);
        findings(h, "Fixed", "Nothing that failed on the baseline passes on the candidate.", c.fixedFailures());
        findings(h, "Still failing", "Nothing fails on both.", c.stillFailing());
        for (PlanComparison p : c.plans()) {
            checks(h, p);
        }
        h.append("<p class=\"note\">nicrig ").append(esc(c.nicrigVersion())).append(" · ").append(esc(c.format()))
                .append("</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, Comparison c) {
        String d = c.decision().name();
        h.append("<header class=\"").append(d).append("\">\n<p class=\"decision\">").append(c.decision().words())
                .append("</p>\n<p class=\"sub\">candidate <b>").append(esc(c.candidate().image().version()))
                .append("</b> against baseline <b>").append(esc(c.baseline().image().version())).append("</b> on rig <b>")
                .append(esc(c.rig())).append("</b>, seed ").append(c.seed()).append(" (replay with --seed ").append(c.seed())
                .append("), allowed throughput drop ").append(esc(Figures.percent(c.maxRegression()))).append("</p>\n");
        if (!c.reasons().isEmpty()) {
            h.append("<ul class=\"reasons\">\n");
            c.reasons().forEach(r -> h.append("<li>").append(esc(r)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!c.warnings().isEmpty()) {
            h.append("<ul class=\"warn\">\n");
            c.warnings().forEach(w -> h.append("<li>").append(esc(w)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("</header>\n");
    }

    private static void findings(StringBuilder h, String title, String none, List<Finding> list) {
        h.append("<h2>").append(esc(title)).append(" (").append(list.size()).append(")</h2>\n");
        if (list.isEmpty()) {
            h.append("<p class=\"note\">").append(esc(none)).append("</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>plan</th><th>kind</th><th>check</th><th>baseline</th><th>candidate</th><th>detail</th></tr>\n");
        for (Finding f : list) {
            h.append("<tr><td>").append(esc(f.plan())).append("</td><td>").append(kind(f.kind())).append("</td><td>")
                    .append(esc(f.name())).append("</td>").append(state(f.baseline())).append(state(f.candidate()))
                    .append("<td>").append(esc(f.detail())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void images(StringBuilder h, Comparison c) {
        ImageFacts b = c.baseline().image();
        ImageFacts k = c.candidate().image();
        h.append("<h2>Images</h2>\n<table>\n<tr><th></th><th>baseline</th><th>candidate</th></tr>\n");
        row(h, "file", b.file(), k.file());
        row(h, "version", b.version(), k.version());
        row(h, "target", b.target(), k.target());
        row(h, "rollback counter", Long.toString(b.rollbackCounter()), Long.toString(k.rollbackCounter()));
        row(h, "signature", signature(b), signature(k));
        h.append("<tr><th>SHA-256</th><td><code>").append(esc(b.digest())).append("</code></td><td><code>")
                .append(esc(k.digest())).append("</code></td></tr>\n");
        row(h, "model defects", b.modelDefects().isEmpty() ? "none" : String.join(", ", b.modelDefects()),
                k.modelDefects().isEmpty() ? "none" : String.join(", ", k.modelDefects()));
        h.append("<tr><th>flashed</th><td>").append(flashes(c.baseline().flashes())).append("</td><td>")
                .append(flashes(c.candidate().flashes())).append("</td></tr>\n");
        if (!c.baseline().failure().isEmpty() || !c.candidate().failure().isEmpty()) {
            h.append("<tr><th>stopped</th><td class=\"FAIL\">").append(esc(c.baseline().failure()))
                    .append("</td><td class=\"FAIL\">").append(esc(c.candidate().failure())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String signature(ImageFacts i) {
        return i.signed() ? "Ed25519, key id " + i.keyId() : "unsigned";
    }

    private static String flashes(List<FlashRow> rows) {
        if (rows.isEmpty()) {
            return "<span class=\"note\">no device</span>";
        }
        StringBuilder s = new StringBuilder();
        for (FlashRow f : rows) {
            s.append("<div>").append(esc(f.device())).append(": <span class=\"").append(f.status()).append("\">")
                    .append(f.status()).append("</span>").append(f.running().isEmpty() ? "" : ", runs " + esc(f.running()))
                    .append(f.detail().isEmpty() ? "" : " — " + esc(f.detail())).append("</div>");
        }
        return s.toString();
    }

    private static void row(StringBuilder h, String what, String baseline, String candidate) {
        h.append("<tr><th>").append(esc(what)).append("</th><td>").append(esc(baseline)).append("</td><td>")
                .append(esc(candidate)).append("</td></tr>\n");
    }

    private static void plans(StringBuilder h, Comparison c) {
        h.append("<h2>Plans</h2>\n<table>\n<tr><th>plan</th><th>baseline</th><th>candidate</th></tr>\n");
        for (PlanComparison p : c.plans()) {
            h.append("<tr><td>").append(esc(p.plan())).append("</td>").append(verdict(p.baselineVerdict(),
                    p.baselineReport(), p.baselineMessage())).append(verdict(p.candidateVerdict(), p.candidateReport(),
                    p.candidateMessage())).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static String verdict(String verdict, String report, String message) {
        String v = "<span class=\"" + esc(verdict) + "\">" + esc(verdict) + "</span>";
        return "<td>" + (report.isEmpty() ? v : "<a href=\"" + esc(report) + "\">" + v + "</a>")
                + (message.isEmpty() ? "" : " " + esc(message)) + "</td>";
    }

    private static void throughput(StringBuilder h, Comparison c) {
        h.append("<h2>Throughput per cipher suite</h2>\n");
        if (c.throughput().isEmpty()) {
            h.append("<p class=\"note\">The plans moved no traffic or jobs on an SA.</p>\n");
            return;
        }
        h.append("<p class=\"note\">Plaintext megabits per second: the bytes of the packets or jobs the steps moved (each")
                .append(" checked by the Bouncy Castle reference), times 8, over the steps' summed time. With one seed both")
                .append(" images move the same bytes, so only the time differs. The figures include the host's part")
                .append(" (framing, verification): they compare firmware on this rig, not engines in isolation. The")
                .append(" baseline ran the first plan once before, not measured (OUT/warm-up), so that neither image is")
                .append(" measured in a process that has not yet compiled the paths a run takes.</p>\n");
        h.append("<table>\n<tr><th>plan</th><th>suite</th><th>work</th><th>baseline</th><th>candidate</th><th>change</th>")
                .append("<th>judgement</th><th>what</th></tr>\n");
        for (ThroughputFigure t : c.throughput()) {
            h.append("<tr><td>").append(esc(t.plan())).append("</td><td>").append(esc(t.suite())).append("</td><td>")
                    .append(esc(t.work())).append("</td><td class=\"num\">").append(mbps(t.baselineMbps(), t.baselineSeconds()))
                    .append("</td><td class=\"num\">").append(mbps(t.candidateMbps(), t.candidateSeconds()))
                    .append("</td><td class=\"num\">").append(t.change() == null ? "–" : esc(signed(t.change())))
                    .append("</td><td class=\"").append(t.judgement()).append("\">").append(t.judgement())
                    .append("</td><td>").append(esc(t.what())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String mbps(Double mbps, Double seconds) {
        if (mbps == null) {
            return "–";
        }
        return esc(Html.megabits(mbps)) + " <span class=\"note\">in " + String.format(Locale.ROOT, "%.2f s", seconds) + "</span>";
    }

    private static String signed(double fraction) {
        return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
    }

    private static void failover(StringBuilder h, Comparison c) {
        if (c.failoverGaps().isEmpty()) {
            return;
        }
        h.append("<h2>Fail-over gaps</h2>\n<p class=\"note\">From the primary's fault until team traffic flowed again")
                .append(" over another member.</p>\n<table>\n<tr><th>plan</th><th>expectation</th><th>baseline</th>")
                .append("<th>candidate</th><th>limit</th></tr>\n");
        for (FailoverGap g : c.failoverGaps()) {
            h.append("<tr><td>").append(esc(g.plan())).append("</td><td>").append(esc(g.expectation())).append("</td>")
                    .append(gap(g.baselineMs(), g.baselineOutcome())).append(gap(g.candidateMs(), g.candidateOutcome()))
                    .append("<td>").append(esc(g.limit())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String gap(Double ms, String outcome) {
        return "<td class=\"num " + esc(outcome) + "\">" + (ms == null ? "none" : esc(Figures.number(ms)) + " ms")
                + " " + esc(outcome) + "</td>";
    }

    private static void checks(StringBuilder h, PlanComparison p) {
        h.append("<h2>").append(esc(p.plan())).append(": every check</h2>\n");
        if (p.checks().isEmpty()) {
            h.append("<p class=\"note\">No checks.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>kind</th><th>check</th><th>baseline</th><th>candidate</th><th>trend</th></tr>\n");
        for (CheckRow r : p.checks()) {
            h.append("<tr class=\"t-").append(r.trend()).append("\"><td>").append(kind(r.kind())).append("</td><td>")
                    .append(esc(r.name())).append("</td>").append(stateWithDetail(r.baseline(), r.baselineDetail()))
                    .append(stateWithDetail(r.candidate(), r.candidateDetail())).append("<td>")
                    .append(r.trend().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** For a table's kind column: {@code step}, {@code expectation}, {@code verifier check}, {@code admission}. */
    private static String kind(CheckKind k) {
        return k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String state(String s) {
        return "<td class=\"" + esc(s) + "\">" + esc(s) + "</td>";
    }

    private static String stateWithDetail(String s, String detail) {
        return "<td><span class=\"" + esc(s) + "\">" + esc(s) + "</span>"
                + (detail.isEmpty() ? "" : " <span class=\"note\">" + esc(detail) + "</span>") + "</td>";
    }
}
