package org.nicrig.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * COBS (Cheshire and Baker, "Consistent Overhead Byte Stuffing", IEEE/ACM Transactions on
 * Networking 7(2), 1999). Vectors: the "Encoding examples" table of the Wikipedia article
 * "Consistent Overhead Byte Stuffing" (examples 1-6 and the 255-byte runs), delimiters left out.
 */
class CobsTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "00,          01 01",
            "00 00,       01 01 01",
            "00 11 00,    01 02 11 01",
            "11 22 00 33, 03 11 22 02 33",
            "11 22 33 44, 05 11 22 33 44",
            "11 00 00 00, 02 11 01 01 01",
    })
    void wikipediaExamples(String data, String encoded) {
        assertThat(TestFrames.cobs(hex(data))).isEqualTo(hex(encoded));
        assertThat(TestFrames.uncobs(hex(encoded), 0, hex(encoded).length)).isEqualTo(hex(data));
    }

    /** Wikipedia example: 01 02 .. FE FF (255 bytes) -> FF 01 02 .. FE 02 FF. */
    @Test
    void aRunLongerThan254IsSplitWithAnFFBlock() {
        byte[] data = new byte[255];
        for (int i = 0; i < 255; i++) {
            data[i] = (byte) (i + 1);
        }
        byte[] expected = new byte[257];
        expected[0] = (byte) 0xFF;
        System.arraycopy(data, 0, expected, 1, 254);
        expected[255] = 0x02;
        expected[256] = (byte) 0xFF;
        assertThat(TestFrames.cobs(data)).isEqualTo(expected);
    }

    /**
     * Wikipedia example: 01 02 .. FD FE (254 bytes) -> FF 01 .. FE, with no final code byte.
     * nicrig's encoder is the paper's StuffData, which always finishes with a code byte, so it
     * writes FF 01 .. FE 01; both decode to the same bytes and the frame decoder accepts both
     * (FrameDecoderTest#acceptsBothFormsOfAFinalFullBlock). PROTOCOL.md §2.2 makes the senders'
     * form normative.
     */
    @Test
    void aFinalFullBlockIsFollowedByCode01AsInThePaper() {
        byte[] data = new byte[254];
        for (int i = 0; i < 254; i++) {
            data[i] = (byte) (i + 1);
        }
        byte[] encoded = TestFrames.cobs(data);
        assertThat(encoded).hasSize(256);
        assertThat(encoded[0]).isEqualTo((byte) 0xFF);
        assertThat(encoded[255]).isEqualTo((byte) 0x01);
        byte[] wikipediaForm = java.util.Arrays.copyOf(encoded, 255);
        assertThat(TestFrames.uncobs(wikipediaForm, 0, 255)).isEqualTo(data);
        assertThat(TestFrames.uncobs(encoded, 0, 256)).isEqualTo(data);
    }

    @Test
    void overheadIsBoundedByOneBytePer254PlusOne() {
        long seed = 0xC0B5L;
        Random random = new Random(seed);
        for (int n = 0; n < 500; n++) {
            byte[] data = new byte[random.nextInt(3000)];
            random.nextBytes(data);
            if (n % 2 == 0) {
                for (int i = 0; i < data.length; i++) {
                    data[i] = data[i] == 0 ? 1 : data[i]; // no zeros: the worst case
                }
            }
            byte[] encoded = TestFrames.cobs(data);
            assertThat(encoded).as("seed %d", seed).doesNotContain((byte) 0);
            assertThat(encoded.length).as("seed %d", seed).isLessThanOrEqualTo(data.length + data.length / 254 + 1);
            assertThat(TestFrames.uncobs(encoded, 0, encoded.length)).as("seed %d", seed).isEqualTo(data);
        }
    }

    @Test
    void maxEncodedLengthIsTheWorstCaseOfTheEncoder() {
        byte[] data = new byte[FrameFormat.MAX_RAW];
        java.util.Arrays.fill(data, (byte) 0x55);
        assertThat(TestFrames.cobs(data).length + 2).isEqualTo(FrameFormat.MAX_ENCODED)
                .isEqualTo(FrameFormat.maxEncodedLength(FrameFormat.MAX_PAYLOAD));
    }
}
