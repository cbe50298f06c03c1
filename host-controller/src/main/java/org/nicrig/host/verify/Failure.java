package org.nicrig.host.verify;

import java.util.Objects;

/**
 * One failed check with what was expected and what was found, as text a person can read in a
 * report: hex for bytes, decimal for counts, {@code 0x…} for an SPI. Built only from packet
 * fields and computed values, never from key material (design invariant 5).
 *
 * @param check    which check failed
 * @param expected the value the reference expected
 * @param actual   the value found
 * @param detail   where or why, e.g. "first difference at byte 34 of 84"; may be empty
 */
public record Failure(Check check, String expected, String actual, String detail) {

    public Failure {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(detail, "detail");
    }

    static Failure of(Check check, String expected, String actual, String detail) {
        return new Failure(check, expected, actual, detail);
    }

    static Failure ofInts(Check check, long expected, long actual, String detail) {
        return new Failure(check, Long.toString(expected), Long.toString(actual), detail);
    }

    static Failure ofBytes(Check check, byte[] expected, byte[] actual, String detail) {
        return new Failure(check, Hex.of(expected), Hex.of(actual), detail);
    }

    /**
     * Compares two byte strings; null when equal, else a failure showing a window around the
     * first difference, so a 1500-byte packet does not fill a report line.
     */
    static Failure compare(Check check, byte[] expected, byte[] actual, String what) {
        int diff = Hex.firstDifference(expected, actual);
        if (diff < 0) {
            return null;
        }
        String detail = what + ": first difference at byte " + diff
                + " (expected length " + expected.length + ", actual length " + actual.length + ")";
        return new Failure(check, Hex.window(expected, diff), Hex.window(actual, diff), detail);
    }

    @Override
    public String toString() {
        return check + ": expected " + expected + ", actual " + actual
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
