package org.nicrig.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The frame CRC is CRC-32C (Castagnoli). These pin its parameters with published values, for the
 * JDK class the codec uses and for the bitwise reference in {@link TestFrames} that PROTOCOL.md
 * §2.4 describes, so an FPGA engineer's CRC can be checked against the same numbers.
 */
class Crc32cTest {

    private static long jdk(byte[] data) {
        CRC32C c = new CRC32C();
        c.update(data, 0, data.length);
        return c.getValue();
    }

    /**
     * Check value of CRC-32/ISCSI over ASCII "123456789": the CRC RevEng catalogue (Greg Cook,
     * "Catalogue of parametrised CRC algorithms", entry CRC-32/ISCSI: width=32 poly=0x1edc6f41
     * init=0xffffffff refin=true refout=true xorout=0xffffffff check=0xe3069283).
     */
    @Test
    void checkValueOf123456789() {
        byte[] nine = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(jdk(nine)).isEqualTo(0xE3069283L);
        assertThat(TestFrames.crc32c(nine, 0, nine.length)).isEqualTo(0xE3069283L);
    }

    /**
     * RFC 3720 Appendix B.4, "CRC Examples". The RFC prints each CRC in iSCSI transmission
     * order, least significant byte first ("aa 36 91 8a" is the value 0x8A9136AA); a nicrig
     * frame carries the same value most significant byte first.
     */
    @ParameterizedTest(name = "RFC 3720 B.4: {0}")
    @CsvSource({
            "32 bytes of zeroes,              zeroes,       aa 36 91 8a",
            "32 bytes of ones,                ones,         43 ab a8 62",
            "32 bytes of incrementing 00..1f, incrementing, 4e 79 dd 46",
            "32 bytes of decrementing 1f..00, decrementing, 5c db 3f 11",
            "An iSCSI - SCSI Read (10) Command PDU, scsiRead, 56 3a 96 d9",
    })
    void rfc3720Examples(String title, String pattern, String crcAsTransmitted) {
        byte[] data = switch (pattern) {
            case "zeroes" -> new byte[32];
            case "ones" -> filled(0xFF);
            case "incrementing" -> ramp(false);
            case "decrementing" -> ramp(true);
            default -> HexFormat.of().parseHex(
                    "01c00000" + "00000000" + "00000000" + "00000000"
                    + "14000000" + "00000400" + "00000014" + "00000018"
                    + "28000000" + "00000000" + "02000000" + "00000000");
        };
        byte[] lsbFirst = HexFormat.of().parseHex(crcAsTransmitted.replace(" ", ""));
        long value = (lsbFirst[0] & 0xFFL) | (lsbFirst[1] & 0xFFL) << 8 | (lsbFirst[2] & 0xFFL) << 16 | (lsbFirst[3] & 0xFFL) << 24;
        assertThat(jdk(data)).as(title).isEqualTo(value);
        assertThat(TestFrames.crc32c(data, 0, data.length)).as(title).isEqualTo(value);
    }

    @Test
    void bitwiseReferenceAgreesWithTheJdkOnRandomData() {
        long seed = 0x5EED_C3C3L;
        Random random = new Random(seed);
        for (int n = 0; n < 300; n++) {
            byte[] data = new byte[random.nextInt(2000)];
            random.nextBytes(data);
            assertThat(TestFrames.crc32c(data, 0, data.length)).as("seed %d, length %d", seed, data.length).isEqualTo(jdk(data));
        }
    }

    @Test
    void theFrameTrailerIsTheCrcOfHeaderAndPayloadMostSignificantByteFirst() {
        byte[] payload = {1, 2, 3};
        byte[] wire = new FrameEncoder().encode(Frame.of(1, FrameKind.REQUEST, false, 0x04, 7, payload));
        byte[] raw = TestFrames.uncobs(wire, 1, wire.length - 1);
        long crc = TestFrames.crc32c(raw, 0, raw.length - 4);
        assertThat(raw).endsWith((byte) (crc >>> 24), (byte) (crc >>> 16), (byte) (crc >>> 8), (byte) crc);
    }

    private static byte[] filled(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    private static byte[] ramp(boolean down) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (down ? 31 - i : i);
        }
        return b;
    }
}
