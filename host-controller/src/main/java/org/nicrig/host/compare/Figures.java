package org.nicrig.host.compare;

import java.util.Locale;
import org.nicrig.host.report.MeasurementResult;

/** Numbers as the comparison's sentences show them. */
final class Figures {
    private Figures() {
    }

    /** A measured value with its unit; the runner journals "not measured" (NaN) as -1. */
    static String value(MeasurementResult m) {
        if (notMeasured(m)) {
            return "not measured";
        }
        return number(m.value()) + (DIMENSIONLESS.contains(m.unit()) ? "" : " " + m.unit());
    }

    /** Units that read better left out, as the plan's limits leave them out: "0.4381", not "0.4381 1". */
    private static final java.util.Set<String> DIMENSIONLESS = java.util.Set.of("", "1", "fraction", "count");

    static boolean notMeasured(MeasurementResult m) {
        return Double.isNaN(m.value()) || m.value() < 0;
    }

    /** Up to four significant digits, no exponent: 0.9412, 812, 12.5. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String mbps(double v) {
        return String.format(Locale.ROOT, "%.1f Mb/s", v);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }
}
