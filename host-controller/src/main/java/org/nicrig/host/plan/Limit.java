package org.nicrig.host.plan;

/**
 * The acceptable values of one measurement, like OpenHTF's validators ({@code in_range},
 * {@code equals}) with its marginal band: a value inside the limit but beyond the marginal
 * threshold passes with a warning. A limit with no band given has a band of zero width, so it
 * never gives {@link Outcome#MARGINAL}. NaN (nothing measured) always fails.
 *
 * <p>In a plan: {@code at-most: 400, marginal: 300} (above 300 is marginal),
 * {@code at-least: 0.99, marginal: 0.999} (below 0.999 is marginal),
 * {@code in-range: [0.4, 0.8], marginal: [0.5, 0.7]}, {@code equals: 0}; {@code at-least} with
 * {@code at-most} is a range.
 */
public sealed interface Limit {

    Outcome evaluate(double value);

    /** E.g. {@code at most 400 (marginal above 300)}. */
    String describe();

    /** {@code value <= max}; marginal when {@code value > marginalAbove}. */
    record AtMost(double max, double marginalAbove) implements Limit {
        public AtMost {
            requireOrdered(marginalAbove, max, "marginal threshold", "at-most");
        }

        public static AtMost of(double max) {
            return new AtMost(max, max);
        }

        @Override
        public Outcome evaluate(double value) {
            if (Double.isNaN(value) || value > max) {
                return Outcome.FAIL;
            }
            return value > marginalAbove ? Outcome.MARGINAL : Outcome.PASS;
        }

        @Override
        public String describe() {
            return "at most " + num(max) + (marginalAbove < max ? " (marginal above " + num(marginalAbove) + ")" : "");
        }
    }

    /** {@code value >= min}; marginal when {@code value < marginalBelow}. */
    record AtLeast(double min, double marginalBelow) implements Limit {
        public AtLeast {
            requireOrdered(min, marginalBelow, "at-least", "marginal threshold");
        }

        public static AtLeast of(double min) {
            return new AtLeast(min, min);
        }

        @Override
        public Outcome evaluate(double value) {
            if (Double.isNaN(value) || value < min) {
                return Outcome.FAIL;
            }
            return value < marginalBelow ? Outcome.MARGINAL : Outcome.PASS;
        }

        @Override
        public String describe() {
            return "at least " + num(min) + (marginalBelow > min ? " (marginal below " + num(marginalBelow) + ")" : "");
        }
    }

    /** {@code low <= value <= high}; marginal outside {@code [passLow, passHigh]}. */
    record InRange(double low, double high, double passLow, double passHigh) implements Limit {
        public InRange {
            requireOrdered(low, passLow, "range low", "marginal low");
            requireOrdered(passLow, passHigh, "marginal low", "marginal high");
            requireOrdered(passHigh, high, "marginal high", "range high");
        }

        public static InRange of(double low, double high) {
            return new InRange(low, high, low, high);
        }

        @Override
        public Outcome evaluate(double value) {
            if (Double.isNaN(value) || value < low || value > high) {
                return Outcome.FAIL;
            }
            return value < passLow || value > passHigh ? Outcome.MARGINAL : Outcome.PASS;
        }

        @Override
        public String describe() {
            boolean band = passLow > low || passHigh < high;
            return "in " + num(low) + ".." + num(high)
                    + (band ? " (marginal outside " + num(passLow) + ".." + num(passHigh) + ")" : "");
        }
    }

    /** Exactly {@code expected}: for counts, where "no lost packets" means zero. */
    record EqualTo(double expected) implements Limit {
        public EqualTo {
            requireFinite(expected);
        }

        @Override
        public Outcome evaluate(double value) {
            return value == expected ? Outcome.PASS : Outcome.FAIL;
        }

        @Override
        public String describe() {
            return "equal to " + num(expected);
        }
    }

    private static void requireOrdered(double lower, double upper, String lowerName, String upperName) {
        requireFinite(lower);
        requireFinite(upper);
        if (lower > upper) {
            throw new IllegalArgumentException(lowerName + " " + num(lower) + " is above " + upperName + " " + num(upper));
        }
    }

    private static void requireFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("limits must be finite numbers: " + v);
        }
    }

    /** 400 rather than 400.0; 0.25 as it is. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
