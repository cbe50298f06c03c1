package org.nicrig.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ZeroScanTest {

    private static int naive(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return to;
    }

    @Test
    void findsTheFirstZeroAtEveryAlignmentAndLength() {
        long seed = 0x2E50L;
        Random random = new Random(seed);
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] b = new byte[1 + random.nextInt(200)];
            random.nextBytes(b);
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0 || random.nextInt(40) == 0) {
                    b[i] = (byte) (random.nextInt(40) == 0 ? 0 : 1 + random.nextInt(255));
                }
            }
            int from = random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            assertThat(ZeroScan.indexOfZero(b, from, to)).as("seed %d, trial %d", seed, trial).isEqualTo(naive(b, from, to));
        }
    }

    @Test
    void aZeroAfterBytesThatBorrowIsNotMistakenForAnEarlierOne() {
        // 0x01 followed by 0x00: the subtraction borrows across bytes; only the real zero may be reported
        byte[] b = {0x01, (byte) 0x80, 0x01, 0x00, 0x01, 0x01, 0x01, 0x01, (byte) 0x81, 0x00};
        assertThat(ZeroScan.indexOfZero(b, 0, b.length)).isEqualTo(3);
        assertThat(ZeroScan.indexOfZero(b, 4, b.length)).isEqualTo(9);
        assertThat(ZeroScan.indexOfZero(b, 4, 9)).isEqualTo(9);
    }
}
