package org.nicrig.host.cli;

import java.util.Locale;

/** Whole numbers as a user types them on the command line: decimal, or hex with 0x. */
final class Numbers {
    private Numbers() {
    }

    /**
     * {@code text} as a number from 0 to {@code max}.
     *
     * @throws IllegalArgumentException saying what was expected, e.g.
     *                                  {@code register address: expected 0..0xffffffff (decimal or 0x hex), found '0x1_0000_0000'}
     */
    static long parse(String text, long max, String what) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            long v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (v >= 0 && v <= max && !t.startsWith("0x-") && !t.startsWith("0x+") && !t.startsWith("+")) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the range
        }
        throw new IllegalArgumentException(what + ": expected " + range(max) + " (decimal or 0x hex), found '" + text + "'");
    }

    private static String range(long max) {
        return "0.." + (max < 256 ? Long.toString(max) : "0x" + Long.toHexString(max));
    }
}
