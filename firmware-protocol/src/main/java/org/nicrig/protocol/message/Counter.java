package org.nicrig.protocol.message;

/**
 * One named device counter (STATS). The name is printable ASCII (0x20..0x7E), at most 255
 * characters, so that it reads the same in every report; the value is an unsigned 64-bit count
 * held in a long.
 */
public record Counter(String name, long value) {
    public static final int MAX_NAME = 255;

    public Counter {
        if (name.length() > MAX_NAME || !name.chars().allMatch(Counter::printableAscii)) {
            throw new IllegalArgumentException("a counter name is up to 255 printable ASCII characters: '" + name + "'");
        }
    }

    /** True for the bytes a counter name may hold. */
    public static boolean printableAscii(int c) {
        return c >= 0x20 && c <= 0x7E;
    }
}
