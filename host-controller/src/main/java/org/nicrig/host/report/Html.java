package org.nicrig.host.report;

import java.time.Duration;
import java.util.Locale;

/**
 * Text for the HTML reports (a run's and a firmware comparison's): escaping (every string goes through
 * {@link #esc}) and number formats.
 */
public final class Html {
    private Html() {
    }

    /**
     * Escapes for element content and quoted attribute values alike (the five characters the HTML
     * spec's serialisation escapes, plus the apostrophe), after removing what XML cannot hold, so
     * that a member named {@code <script>} is text, not markup.
     */
    public static String esc(String s) {
        String clean = XmlText.clean(s);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A measured value: up to six significant digits, no exponent for everyday magnitudes. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s;
    }

    /** A duration in the unit that reads best: ns, µs, ms or s. */
    public static String duration(long nanos) {
        double abs = Math.abs((double) nanos);
        if (abs < 1e3) {
            return nanos + " ns";
        }
        if (abs < 1e6) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (abs < 1e9) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    public static String duration(Duration d) {
        return duration(d.toNanos());
    }

    /** A throughput: {@code 97.3 Mb/s}, or a dash when there is none. */
    public static String megabits(double mbps) {
        if (Double.isNaN(mbps) || Double.isInfinite(mbps)) {
            return "–";
        }
        return String.format(Locale.ROOT, mbps >= 100 ? "%.0f Mb/s" : mbps >= 10 ? "%.1f Mb/s" : "%.2f Mb/s", mbps);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
