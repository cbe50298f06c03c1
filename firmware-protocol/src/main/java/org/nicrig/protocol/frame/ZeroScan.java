package org.nicrig.protocol.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next 0x00 byte eight bytes at a time: the search both COBS directions spend most of
 * their time in. A word v holds a zero byte exactly when {@code (v - 0x01..01) & ~v & 0x80..80}
 * is non-zero, and its lowest set bit marks the first zero byte (Hacker's Delight, 2nd ed.,
 * §6-1); words are read little-endian so that "lowest" is "first in memory" on any platform.
 */
final class ZeroScan {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private ZeroScan() {
    }

    /** Index of the first 0x00 in {@code b[from, to)}, or {@code to} when there is none. */
    static int indexOfZero(byte[] b, int from, int to) {
        int i = from;
        // four words per step, one branch: the common case is a long run without a zero
        for (; i + 32 <= to; i += 32) {
            long w0 = (long) LONG.get(b, i);
            long w1 = (long) LONG.get(b, i + 8);
            long w2 = (long) LONG.get(b, i + 16);
            long w3 = (long) LONG.get(b, i + 24);
            long z = ((w0 - ONES) & ~w0) | ((w1 - ONES) & ~w1) | ((w2 - ONES) & ~w2) | ((w3 - ONES) & ~w3);
            if ((z & HIGHS) != 0) {
                break;
            }
        }
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONG.get(b, i);
            long z = (w - ONES) & ~w & HIGHS;
            if (z != 0) {
                return i + (Long.numberOfTrailingZeros(z) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return to;
    }
}
