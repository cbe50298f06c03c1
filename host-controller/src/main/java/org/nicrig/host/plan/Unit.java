package org.nicrig.host.plan;

/** The units measurements are given in, spelt as a plan writes them ({@code unit: ms}). */
public enum Unit {
    MILLISECONDS("ms", 0, Double.MAX_VALUE),
    /** A proportion where 1 is "all": verified_fraction. */
    RATIO("1", 0, 1),
    /** One member's part of a whole shared among members. */
    FRACTION("fraction", 0, 1),
    COUNT("count", 0, Double.MAX_VALUE),
    MEGABITS_PER_SECOND("Mb/s", 0, Double.MAX_VALUE);

    private final String symbol;
    private final double min;
    private final double max;

    Unit(String symbol, double min, double max) {
        this.symbol = symbol;
        this.min = min;
        this.max = max;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether a limit of {@code v} can make sense in this unit (a fraction above 1 cannot). */
    public boolean admits(double v) {
        return v >= min && v <= max;
    }

    /** E.g. {@code 0 to 1}; for messages. */
    public String bounds() {
        return max == Double.MAX_VALUE ? "at least " + Limit.num(min) : Limit.num(min) + " to " + Limit.num(max);
    }
}
