package org.nicrig.host.report;

import static org.nicrig.host.report.Html.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no external
 * assets) that a person opens from a CI artifact. Header with verdict, plan, rig and seed; steps;
 * the admission table; the timeline; measurements with their limits (marginal shown as a warning);
 * verdicts per member and per SA; the failures. Every string from the run is HTML-escaped, and
 * the page is also well-formed XML (polyglot markup), so a test can parse it and find no markup
 * that came from data.
 */
public final class HtmlReportWriter {
    public static final String FILE_NAME = "report.html";

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:0 24px 24px;color:#1a202c}
            header{margin:0 -24px 16px;padding:16px 24px;border-bottom:4px solid}
            header.run-PASS{background:#f0fff4;border-color:#38a169}
            header.run-FAIL{background:#fff5f5;border-color:#e53e3e}
            header.run-ERROR{background:#fffaf0;border-color:#dd6b20}
            h1{margin:0 0 8px;font-size:22px} h2{font-size:17px;margin:24px 0 8px}
            .badge{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:bold;margin-right:8px}
            .badge-PASS{background:#38a169}.badge-FAIL{background:#e53e3e}.badge-ERROR{background:#dd6b20}
            dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:8px 0}
            dt{color:#4a5568}dd{margin:0;font-family:ui-monospace,monospace}
            table{border-collapse:collapse;font-size:13px}
            th,td{border:1px solid #cbd5e0;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#edf2f7} td.num{text-align:right;font-variant-numeric:tabular-nums}
            .PASS,.ok{color:#276749}.FAIL,.bad{color:#c53030;font-weight:bold}
            .ERROR{color:#c05621;font-weight:bold}.SKIPPED{color:#718096}
            tr.m-MARGINAL td{background:#fefcbf}tr.m-FAIL td{background:#fff5f5}.MARGINAL{color:#975a16;font-weight:bold}
            .note{color:#4a5568;font-size:13px} .warn{color:#975a16}
            """;

    private HtmlReportWriter() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        AtomicFile.write(file, out -> write(report, out));
    }

    static void write(RunReport report, OutputStream out) throws IOException {
        out.write(render(report).getBytes(StandardCharsets.UTF_8));
    }

    static String render(RunReport r) {
        StringBuilder h = new StringBuilder(32768);
        String verdict = r.verdict().name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>nicrig ")
                .append(esc(r.plan())).append(" — ").append(verdict).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        header(h, r);
        steps(h, r);
        admissions(h, r);
        h.append("<h2>Timeline</h2>\n");
        if (r.timeline().isEmpty()) {
            h.append("<p class=\"note\">No team events, faults or jobs were recorded.</p>\n");
        } else {
            h.append(TimelineSvg.render(timelineMembers(r), r.timeline(), r.duration().toNanos()));
        }
        measurements(h, r);
        verdicts(h, "Verdicts per member", "member", r.verdicts().byMember(), r.verdicts().total());
        verdicts(h, "Verdicts per SA", "SPI", r.verdicts().bySa(), r.verdicts().total());
        packetFailures(h, r);
        jobs(h, r);
        h.append("<p class=\"note\">nicrig ").append(esc(r.nicrigVersion())).append("</p>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Members that took part: admitted, or seen on the timeline (a refused member has no row). */
    private static List<String> timelineMembers(RunReport r) {
        Set<String> refused = new HashSet<>();
        r.admissions().stream().filter(a -> !a.admitted()).forEach(a -> refused.add(a.member()));
        Set<String> seen = new HashSet<>();
        r.timeline().forEach(t -> seen.add(t.member()));
        return r.memberNames().stream().filter(m -> seen.contains(m) || !refused.contains(m)).toList();
    }

    private static void header(StringBuilder h, RunReport r) {
        String v = r.verdict().name();
        h.append("<header class=\"run-").append(v).append("\">\n<h1><span class=\"badge badge-").append(v).append("\">")
                .append(v).append("</span>").append(esc(r.plan())).append("</h1>\n<dl>\n");
        dd(h, "plan", r.plan());
        dd(h, "rig", r.rig());
        dd(h, "seed", Long.toString(r.seed()));
        dd(h, "started", r.startedAt().toString());
        dd(h, "ended", r.endedAt().toString() + (r.complete() ? "" : " (last event seen)"));
        dd(h, "duration", Html.duration(r.duration()));
        dd(h, "packets", Html.count(r.packetsSent()) + " sent, " + Html.count(r.verdicts().total().packets())
                + " verified, " + Html.count(r.verdicts().total().failed()) + " failed");
        dd(h, "jobs", Html.count(r.jobs().completed()) + " completed, " + Html.count(r.jobs().failed()) + " failed");
        h.append("</dl>\n");
        if (!r.complete()) {
            h.append("<p class=\"warn\"><b>Incomplete run.</b></p>\n");
        }
        if (!r.message().isEmpty()) {
            h.append("<p>").append(esc(r.message())).append("</p>\n");
        }
        h.append("</header>\n");
    }

    private static void dd(StringBuilder h, String term, String value) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private static void steps(StringBuilder h, RunReport r) {
        h.append("<h2>Steps</h2>\n");
        if (r.steps().isEmpty()) {
            h.append("<p class=\"note\">No steps ran.</p>\n");
            return;
        }
        boolean moved = r.steps().stream().anyMatch(s -> s.items() > 0);
        h.append("<table>\n<tr><th>step</th><th>type</th><th>outcome</th><th>duration</th>")
                .append(moved ? "<th>packets or jobs</th><th>plaintext throughput</th>" : "").append("<th>message</th></tr>\n");
        for (StepResult s : r.steps()) {
            h.append("<tr><td>").append(esc(s.name())).append("</td><td>").append(esc(s.type()))
                    .append("</td><td class=\"").append(s.outcome()).append("\">").append(s.outcome())
                    .append("</td><td class=\"num\">").append(Html.duration(s.duration())).append("</td>");
            if (moved) {
                h.append("<td class=\"num\">").append(s.items() > 0 ? Html.count(s.items()) : "").append("</td><td class=\"num\">")
                        .append(s.items() > 0 ? esc(Html.megabits(s.megabitsPerSecond())) : "").append("</td>");
            }
            h.append("<td>").append(esc(s.message())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void admissions(StringBuilder h, RunReport r) {
        h.append("<h2>Admission</h2>\n");
        if (r.admissions().isEmpty()) {
            h.append("<p class=\"note\">No admission was recorded.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>member</th><th>identity</th><th>admitted</th><th>engine verified</th>"
                + "<th>secondary use</th><th>reason</th></tr>\n");
        for (AdmissionRow a : r.admissions()) {
            h.append("<tr><td>").append(esc(a.member())).append("</td><td>").append(esc(a.identity()))
                    .append("</td>").append(yesNo(a.admitted())).append(yesNo(a.engineVerified()))
                    .append(yesNo(a.secondaryUse())).append("<td>").append(esc(a.reason())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String yesNo(boolean b) {
        return b ? "<td class=\"ok\">yes</td>" : "<td class=\"bad\">no</td>";
    }

    private static void measurements(StringBuilder h, RunReport r) {
        h.append("<h2>Measurements</h2>\n");
        if (r.measurements().isEmpty()) {
            h.append("<p class=\"note\">No measurements were taken.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>measurement</th><th>value</th><th>unit</th><th>limit</th><th>outcome</th>"
                + "<th>step</th></tr>\n");
        for (MeasurementResult m : r.measurements()) {
            String o = m.outcome().name();
            h.append("<tr class=\"m-").append(o).append("\"><td>").append(esc(m.name())).append("</td><td class=\"num\">")
                    .append(esc(Html.number(m.value()))).append("</td><td>").append(esc(m.unit())).append("</td><td>")
                    .append(esc(m.limitText())).append("</td><td class=\"").append(o).append("\">")
                    .append(m.outcome() == MeasurementOutcome.MARGINAL ? "⚠ MARGINAL" : o).append("</td><td>")
                    .append(esc(m.step())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void verdicts(StringBuilder h, String title, String keyName, Map<String, Counts> rows, Counts total) {
        h.append("<h2>").append(esc(title)).append("</h2>\n");
        if (rows.isEmpty()) {
            h.append("<p class=\"note\">No packets were verified.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>").append(esc(keyName)).append("</th><th>packets</th><th>ok</th><th>failed</th>"
                + "<th>failures by check</th></tr>\n");
        rows.forEach((key, c) -> verdictRow(h, esc(key), c));
        verdictRow(h, "<b>total</b>", total);
        h.append("</table>\n");
    }

    private static void verdictRow(StringBuilder h, String keyHtml, Counts c) {
        String byCheck = c.failuresByCheck().entrySet().stream()
                .map(e -> esc(e.getKey()) + " " + Html.count(e.getValue())).collect(Collectors.joining(", "));
        h.append("<tr><td>").append(keyHtml).append("</td><td class=\"num\">").append(Html.count(c.packets()))
                .append("</td><td class=\"num ok\">").append(Html.count(c.ok())).append("</td><td class=\"num")
                .append(c.failed() > 0 ? " bad" : "").append("\">").append(Html.count(c.failed())).append("</td><td>")
                .append(byCheck).append("</td></tr>\n");
    }

    private static void packetFailures(StringBuilder h, RunReport r) {
        List<PacketFailure> failures = r.packetFailures();
        if (failures.isEmpty()) {
            return;
        }
        h.append("<h2>Packet failures</h2>\n");
        if (failures.size() < r.verdicts().total().failed()) {
            h.append("<p class=\"note\">The first ").append(failures.size()).append(" of ")
                    .append(Html.count(r.verdicts().total().failed())).append(".</p>\n");
        }
        h.append("<table>\n<tr><th>at</th><th>member</th><th>SPI</th><th>seq</th><th>checks</th><th>detail</th></tr>\n");
        for (PacketFailure f : failures) {
            h.append("<tr><td class=\"num\">").append(Html.duration(f.atNanos())).append("</td><td>")
                    .append(esc(f.member())).append("</td><td>").append(Text.spi(f.spi())).append("</td><td class=\"num\">")
                    .append(f.seq()).append("</td><td class=\"bad\">").append(esc(String.join(", ", f.checks())))
                    .append("</td><td>").append(esc(f.detail())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void jobs(StringBuilder h, RunReport r) {
        JobSummary j = r.jobs();
        if (j.completed() == 0 && j.failed() == 0) {
            return;
        }
        h.append("<h2>Secondary-use jobs</h2>\n<table>\n<tr><th>member</th><th>completed</th></tr>\n");
        j.completedByMember().forEach((m, n) -> h.append("<tr><td>").append(esc(m)).append("</td><td class=\"num\">")
                .append(Html.count(n)).append("</td></tr>\n"));
        h.append("</table>\n");
        if (!j.failures().isEmpty()) {
            h.append("<table>\n<tr><th>at</th><th>job</th><th>member</th><th>reason</th></tr>\n");
            for (JobFailure f : j.failures()) {
                h.append("<tr><td class=\"num\">").append(Html.duration(f.atNanos())).append("</td><td class=\"num\">")
                        .append(f.jobId()).append("</td><td>").append(esc(f.member())).append("</td><td class=\"bad\">")
                        .append(esc(f.reason())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append(String.format(Locale.ROOT, "<p class=\"note\">%s completed, %s failed.</p>\n",
                Html.count(j.completed()), Html.count(j.failed())));
    }
}
