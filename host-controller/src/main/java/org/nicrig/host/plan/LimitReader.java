package org.nicrig.host.plan;

import java.util.List;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Scalars;

/**
 * Reads an expectation's limit keys ({@code at-most}, {@code at-least}, {@code in-range},
 * {@code equals}, {@code marginal}) into a {@link Limit}, checking that some value can pass, that
 * the marginal band lies inside the limit, and that the numbers fit the unit.
 */
final class LimitReader {
    static final List<String> KEYS = List.of("at-most", "at-least", "in-range", "equals", "marginal");

    private LimitReader() {
    }

    /** The limit, or null (reported). {@code what} names the measurement in messages. */
    static Limit read(MapReader m, Unit unit, String what) {
        int mark = m.problems().mark();
        boolean most = m.has("at-most");
        boolean least = m.has("at-least");
        boolean range = m.has("in-range");
        boolean equals = m.has("equals");
        if (!most && !least && !range && !equals) {
            m.error("missing a limit: give at-most, at-least, in-range or equals");
            return null;
        }
        if ((equals && (most || least || range)) || (range && (most || least))) {
            m.error("give one limit: at-most, at-least (both together make a range), in-range or equals");
            return null;
        }
        Double max = checked(m, "at-most", unit, what);
        Double min = checked(m, "at-least", unit, what);
        double[] r = range ? pair(m, "in-range", unit, what) : null;
        Double eq = checked(m, "equals", unit, what);
        if (!m.problems().cleanSince(mark)) {
            return null;
        }
        if (most && least) {
            if (min > max) {
                m.error("at-least", "at-least " + Limit.num(min) + " is above at-most " + Limit.num(max) + ": no value can pass");
                return null;
            }
            r = new double[] {min, max};
        }
        if (equals) {
            if (m.has("marginal")) {
                m.error("marginal", "equals has no marginal band");
                return null;
            }
            return new Limit.EqualTo(eq);
        }
        if (r != null) {
            return range(m, r, unit, what);
        }
        return most ? atMost(m, max, unit, what) : atLeast(m, min, unit, what);
    }

    private static Limit atMost(MapReader m, double max, Unit unit, String what) {
        Double band = m.has("marginal") ? checked(m, "marginal", unit, what) : Double.valueOf(max);
        if (band != null && band > max) {
            m.error("marginal", "marginal " + Limit.num(band) + " is above at-most " + Limit.num(max)
                    + ": values above the marginal threshold, up to at-most, pass with a warning");
            return null;
        }
        return band == null ? null : new Limit.AtMost(max, band);
    }

    private static Limit atLeast(MapReader m, double min, Unit unit, String what) {
        Double band = m.has("marginal") ? checked(m, "marginal", unit, what) : Double.valueOf(min);
        if (band != null && band < min) {
            m.error("marginal", "marginal " + Limit.num(band) + " is below at-least " + Limit.num(min)
                    + ": values below the marginal threshold, down to at-least, pass with a warning");
            return null;
        }
        return band == null ? null : new Limit.AtLeast(min, band);
    }

    private static Limit range(MapReader m, double[] r, Unit unit, String what) {
        if (!m.has("marginal")) {
            return Limit.InRange.of(r[0], r[1]);
        }
        double[] band = pair(m, "marginal", unit, what);
        if (band == null) {
            return null;
        }
        if (band[0] < r[0] || band[1] > r[1]) {
            m.error("marginal", "marginal band " + Limit.num(band[0]) + ".." + Limit.num(band[1])
                    + " must lie inside the range " + Limit.num(r[0]) + ".." + Limit.num(r[1]));
            return null;
        }
        return new Limit.InRange(r[0], r[1], band[0], band[1]);
    }

    /** {@code [low, high]} with low <= high, or null (reported). */
    private static double[] pair(MapReader m, String key, Unit unit, String what) {
        Node n = m.get(key);
        if (!(n instanceof Node.ListNode l) || l.items().size() != 2) {
            m.error(key, "expected [LOW, HIGH], found " + (n instanceof Node.ListNode l2 ? "a list of " + l2.items().size() : n.kind()));
            return null;
        }
        Double lo = fits(Scalars.number(l.items().get(0), m.pathOf(key) + "[0]", m.problems()), l.items().get(0),
                m.pathOf(key) + "[0]", m, unit, what);
        Double hi = fits(Scalars.number(l.items().get(1), m.pathOf(key) + "[1]", m.problems()), l.items().get(1),
                m.pathOf(key) + "[1]", m, unit, what);
        if (lo == null || hi == null) {
            return null;
        }
        if (lo > hi) {
            m.error(key, "empty range: " + Limit.num(lo) + " is above " + Limit.num(hi));
            return null;
        }
        return new double[] {lo, hi};
    }

    private static Double checked(MapReader m, String key, Unit unit, String what) {
        return m.has(key) ? fits(m.number(key, true), m.get(key), m.pathOf(key), m, unit, what) : null;
    }

    private static Double fits(Double v, Node n, String path, MapReader m, Unit unit, String what) {
        if (v != null && !unit.admits(v)) {
            m.problems().error(n.location(), path, what + " is in " + unit.symbol() + ": a limit must be "
                    + unit.bounds() + ", found " + Limit.num(v));
            return null;
        }
        return v;
    }
}
