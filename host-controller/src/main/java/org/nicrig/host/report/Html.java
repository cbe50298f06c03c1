package org.nicrig.host.report;

import java.time.Duration;
import java.util.Locale;

/** Text for the HTML report: escaping (every string goes through {@link #esc}) and number formats. */
final class Html {
    private Html() {
    }

    /**
     * Escapes for element content and quoted attribute values alike (the five characters the HTML
     * spec's serialisation escapes, plus the apostrophe), after removing what XML cannot hold, so
     * that a member named {@code <script>} is text, not markup.
     */
    static String esc(String s) {
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
    static String number(double v) {
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
    static String duration(long nanos) {
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

    static String duration(Duration d) {
        return duration(d.toNanos());
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
