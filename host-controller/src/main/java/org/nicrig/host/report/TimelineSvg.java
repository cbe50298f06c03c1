package org.nicrig.host.report;

import static org.nicrig.host.report.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nicrig.host.report.TimelineEntry.Kind;

/**
 * The report's timeline as inline SVG: one row per member over the run's time, with bands for role,
 * link and engine state, bars of completed jobs, fault markers and fail-over gaps labelled with
 * their duration. Every shape has a {@code <title>} so hovering names it; every text is escaped.
 */
final class TimelineSvg {
    static final int WIDTH = 1200;
    private static final int GUTTER = 170;
    private static final int PLOT = WIDTH - GUTTER - 24;
    private static final int ROW = 74;
    private static final int TOP = 8;

    private static final Map<String, String> ROLE_COLOURS = Map.of(
            "primary", "#2b6cb0", "standby", "#a0aec0", "active", "#38a169");
    private static final Map<String, String> LINK_COLOURS = Map.of("up", "#68d391", "down", "#e53e3e");
    private static final String ENGINE = "#dd6b20";
    private static final String FAULT = "#c53030";
    private static final String GAP = "#805ad5";
    private static final String JOBS = "#4a5568";
    private static final String EVENT = "#718096";

    private final StringBuilder svg = new StringBuilder(8192);
    private final List<String> members;
    private final List<TimelineEntry> entries;
    private final long span;
    private final long maxJobs;

    private TimelineSvg(List<String> members, List<TimelineEntry> entries, long durationNanos) {
        this.members = members;
        this.entries = entries;
        long end = Math.max(1, durationNanos);
        for (TimelineEntry e : entries) {
            end = Math.max(end, e.endNanos());
        }
        this.span = end;
        this.maxJobs = entries.stream().filter(e -> e.kind() == Kind.JOBS).mapToLong(TimelineEntry::count).max()
                .orElse(1);
    }

    static String render(List<String> members, List<TimelineEntry> entries, long durationNanos) {
        return new TimelineSvg(members, entries, durationNanos).render();
    }

    private String render() {
        int height = TOP + members.size() * ROW + 34 + 26;
        svg.append("<svg class=\"timeline\" role=\"img\" aria-label=\"timeline of the run per member\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        for (int i = 0; i < members.size(); i++) {
            row(members.get(i), TOP + i * ROW, i % 2 == 0);
        }
        int axisY = TOP + members.size() * ROW;
        axis(axisY);
        legend(axisY + 34);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void row(String member, int y, boolean shaded) {
        if (shaded) {
            rect(0, y, WIDTH, ROW, "#f7fafc", null);
        }
        String shown = member.length() > 24 ? member.substring(0, 23) + "…" : member;
        svg.append("<g><title>").append(esc(member)).append("</title><text x=\"8\" y=\"").append(y + 27)
                .append("\" font-weight=\"bold\" font-size=\"12\">").append(esc(shown)).append("</text></g>\n");
        long jobs = entries.stream().filter(e -> e.member().equals(member) && e.kind() == Kind.JOBS)
                .mapToLong(TimelineEntry::count).sum();
        text(8, y + 62, "#4a5568", Html.count(jobs) + " jobs");
        for (TimelineEntry e : entries) {
            if (e.member().equals(member)) {
                entry(e, y);
            }
        }
    }

    private void entry(TimelineEntry e, int y) {
        double x0 = x(e.startNanos());
        double w = Math.max(x(e.endNanos()) - x0, 1.5);
        String title = e.kind().name().toLowerCase(Locale.ROOT) + " " + e.label() + " at "
                + Html.duration(e.startNanos()) + (e.durationNanos() > 0 ? " for " + Html.duration(e.durationNanos()) : "");
        switch (e.kind()) {
            case ROLE -> rect(x0, y + 14, w, 14, ROLE_COLOURS.getOrDefault(e.label(), EVENT), title);
            case LINK -> rect(x0, y + 30, w, 8, LINK_COLOURS.getOrDefault(e.label(), "#cbd5e0"), title);
            case ENGINE -> rect(x0, y + 40, w, 5, ENGINE, title);
            case JOBS -> {
                double h = Math.max(1, 20.0 * e.count() / Math.max(1, maxJobs));
                rect(x0, y + 67 - h, w, h, JOBS, e.count() + " jobs from " + Html.duration(e.startNanos())
                        + " to " + Html.duration(e.endNanos()));
            }
            case FAILOVER_GAP -> {
                svg.append("<rect x=\"").append(f(x0)).append("\" y=\"").append(y + 10).append("\" width=\"")
                        .append(f(Math.max(w, 2))).append("\" height=\"").append(ROW - 14).append("\" fill=\"")
                        .append(GAP).append("\" fill-opacity=\"0.35\" stroke=\"").append(GAP).append("\"><title>")
                        .append(esc(title)).append("</title></rect>\n");
                text(x0 + Math.max(w, 2) + 3, y + 9, GAP, "gap " + Html.duration(e.durationNanos()));
            }
            case FAULT -> {
                svg.append("<g><title>").append(esc(title)).append("</title><line x1=\"").append(f(x0))
                        .append("\" x2=\"").append(f(x0)).append("\" y1=\"").append(y + 10).append("\" y2=\"")
                        .append(y + ROW - 4).append("\" stroke=\"").append(FAULT)
                        .append("\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/><path d=\"M").append(f(x0 - 5))
                        .append(' ').append(y + 2).append(" h10 l-5 8 z\" fill=\"").append(FAULT).append("\"/></g>\n");
                text(x0 + 6, y + 9, FAULT, e.label());
            }
            case EVENT -> svg.append("<circle cx=\"").append(f(x0)).append("\" cy=\"").append(y + 5)
                    .append("\" r=\"3\" fill=\"").append(EVENT).append("\"><title>").append(esc(title))
                    .append("</title></circle>\n");
        }
    }

    /** Ticks at 1, 2 or 5 times a power of ten, about ten across the plot. */
    private void axis(int y) {
        svg.append("<line x1=\"").append(GUTTER).append("\" x2=\"").append(GUTTER + PLOT).append("\" y1=\"")
                .append(y + 4).append("\" y2=\"").append(y + 4).append("\" stroke=\"#2d3748\"/>\n");
        double raw = span / 10.0;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / pow < 2 ? 2 * pow : raw / pow < 5 ? 5 * pow : 10 * pow;
        for (double t = 0; t <= span + step / 1e6; t += step) {
            double x = x((long) t);
            svg.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(y + 4)
                    .append("\" y2=\"").append(y + 9).append("\" stroke=\"#2d3748\"/>\n");
            svg.append("<text x=\"").append(f(x)).append("\" y=\"").append(y + 21)
                    .append("\" text-anchor=\"middle\" fill=\"#2d3748\">").append(esc(t == 0 ? "0" : Html.duration((long) t)))
                    .append("</text>\n");
        }
    }

    private void legend(int y) {
        int x = GUTTER;
        x = swatch(x, y, ROLE_COLOURS.get("primary"), "primary");
        x = swatch(x, y, ROLE_COLOURS.get("standby"), "standby");
        x = swatch(x, y, ROLE_COLOURS.get("active"), "active");
        x = swatch(x, y, LINK_COLOURS.get("up"), "link up");
        x = swatch(x, y, LINK_COLOURS.get("down"), "link down");
        x = swatch(x, y, ENGINE, "engine failed");
        x = swatch(x, y, FAULT, "fault");
        x = swatch(x, y, GAP, "fail-over gap");
        x = swatch(x, y, JOBS, "jobs completed");
        swatch(x, y, EVENT, "team event");
    }

    private int swatch(int x, int y, String colour, String label) {
        rect(x, y, 12, 12, colour, null);
        text(x + 16, y + 10, "#2d3748", label);
        return x + 24 + label.length() * 6;
    }

    private double x(long nanos) {
        return GUTTER + PLOT * (double) nanos / span;
    }

    private void rect(double x, double y, double w, double h, String fill, String title) {
        svg.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(w))
                .append("\" height=\"").append(f(h)).append("\" fill=\"").append(fill).append('"');
        if (title == null) {
            svg.append("/>\n");
        } else {
            svg.append("><title>").append(esc(title)).append("</title></rect>\n");
        }
    }

    private void text(double x, double y, String fill, String s) {
        svg.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" fill=\"").append(fill)
                .append("\">").append(esc(s)).append("</text>\n");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
