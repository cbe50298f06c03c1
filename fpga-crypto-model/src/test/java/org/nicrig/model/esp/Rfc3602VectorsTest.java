package org.nicrig.model.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.model.esp.TestPackets.hex;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;

/**
 * RFC 3602 §4 "Test Vectors", copied from the RFC. Cases 1 to 4 are raw AES-128-CBC: they go
 * through the cipher layer alone (the self-test with Integrity.NONE is exactly raw CBC). Cases 5 to
 * 8 are whole confidentiality-only ESP packets; they go through the real encapsulation code with a
 * fixed IV, using an encryption-only suite (AES-CBC + Integrity.NONE), which the engine accepts for
 * this reason (see {@link EspSuite}).
 */
class Rfc3602VectorsTest {
    private final EspProcessor engine = EspProcessor.seeded(1);

    @ParameterizedTest(name = "RFC 3602 §4, Case #{0}")
    @CsvSource({
        // case, key, IV, plaintext (hex), ciphertext
        "1, 06a9214036b8a15b512e03d534120006, 3dafba429d9eb430b422da802c9fac41, "
                + "53696e676c6520626c6f636b206d7367, e353779c1079aeb82708942dbe77181a",
        "2, c286696d887c9aa0611bbb3e2025a45a, 562e17996d093d28ddb3ba695a2e6f58, "
                + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f, "
                + "d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1",
        "3, 6c3ea0477630ce21a2ce334aa746c2cd, c782dc4c098c66cbd9cd27d825682c81, "
                + "5468697320697320612034382d62797465206d657373616765202865786163746c7920332041455320626c6f636b7329, "
                + "d0a02b3836451753d493665d33f0e8862dea54cdb293abc7506939276772f8d5021c19216bad525c8579695d83ba2684",
        "4, 56e47a38c5598974bc46903dba290349, 8ce82eefbea0da3c44699ed7db51b7d9, "
                + "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf, "
                + "c30e32ffedc0774e6aff6af0869f71aa0f3af07a9a31a9c684db207eb0ef8e4e35907aa632c3ffdf868bb7b29d3d46ad83ce9f9a102ee99d49a53e87f4c3da55"
    })
    void rawCbcCases(int caseNumber, String key, String iv, String plaintext, String ciphertext) {
        EspResult r = engine.selfTest(Cipher.AES_128_CBC, Integrity.NONE, KeyBytes.fromHex(key), KeyBytes.NONE,
                hex(iv), hex(plaintext));

        assertThat(r.status()).as("case %d: %s", caseNumber, r.reason()).isEqualTo(JobStatus.OK);
        assertThat(r.output()).isEqualTo(hex(ciphertext));
    }

    @Test
    void case1PlaintextIsTheRfcsText() {
        // the RFC gives case 1's plaintext as the string "Single block msg"
        assertThat(hex("53696e676c6520626c6f636b206d7367"))
                .isEqualTo("Single block msg".getBytes(StandardCharsets.US_ASCII));
        assertThat(hex("5468697320697320612034382d62797465206d657373616765202865786163746c7920332041455320626c6f636b7329"))
                .isEqualTo("This is a 48-byte message (exactly 3 AES blocks)".getBytes(StandardCharsets.US_ASCII));
    }

    private static final String CASE56_KEY = "90d382b4 10eeba7a d938c46c ec1a82bf";
    private static final String CASE78_KEY = "01234567 89abcdef 01234567 89abcdef";

    // RFC 3602 §4, Case #5: sample transport-mode ESP packet (ping 192.168.123.100)
    private static final String CASE5_ORIGINAL = "45000054 08f20000 4001f9fe c0a87b03 c0a87b64"
            + "08000ebd a70a0000 8e9c083d b95b0700 08090a0b 0c0d0e0f 10111213 14151617"
            + "18191a1b 1c1d1e1f 20212223 24252627 28292a2b 2c2d2e2f 30313233 34353637";
    private static final String CASE5_ESP_PACKET = "4500007c 08f20000 4032f9a5 c0a87b03 c0a87b64"
            + "00004321 00000001"
            + "e96e8c08 ab465763 fd098d45 dd3ff893"
            + "f663c25d 325c18c6 a9453e19 4e120849 a4870b66 cc6b9965 330013b4 898dc856"
            + "a4699e52 3a55db08 0b59ec3a 8e4b7e52 775b07d1 db34ed9c 538ab50c 551b874a"
            + "a269add0 47ad2d59 13ac19b7 cfbad4a6";

    @Test
    void case5TransportPacketIsReproducedByteForByte() {
        EspSa sa = EspSa.create(transport(Direction.OUTBOUND, 0x4321, CASE56_KEY));

        EspResult r = engine.encrypt(sa, hex(CASE5_ORIGINAL), hex("e96e8c08 ab465763 fd098d45 dd3ff893"));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(r.sequenceNumber()).isEqualTo(1);
        // the whole packet, outer header included: length 0x7c, protocol 0x32, checksum f9a5
        assertThat(r.output()).isEqualTo(hex(CASE5_ESP_PACKET));
    }

    @Test
    void case5TransportPacketDecryptsToTheOriginal() {
        EspSa sa = EspSa.create(transport(Direction.INBOUND, 0x4321, CASE56_KEY));

        EspResult r = engine.decrypt(sa, hex(CASE5_ESP_PACKET));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(r.output()).isEqualTo(hex(CASE5_ORIGINAL));
    }

    // RFC 3602 §4, Case #6: transport mode, sequence number 8. The RFC's IP header is not used
    // here: the ESP part does not depend on it, so the payload is wrapped in a header of our own.
    private static final String CASE6_PAYLOAD = "0800b5e8 a80a0500 a69c083d 0b660e00 77777777 77777777 77777777";
    private static final String CASE6_ESP = "00004321 00000008"
            + "69d08df7 d203329d b093fc49 24e5bd80"
            + "f5199588 1ec4e0c4 488987ce 742e8109 689bb379 d2d750c0 d915dca3 46a89f75";

    @Test
    void case6TransportEspPartIsReproducedAndDecrypts() {
        EspSa out = EspSa.create(transport(Direction.OUTBOUND, 0x4321, CASE56_KEY));
        out.presetOutboundSequence(7);
        byte[] original = TestPackets.ipv4(1, hex(CASE6_PAYLOAD));

        EspResult r = engine.encrypt(out, original, hex("69d08df7 d203329d b093fc49 24e5bd80"));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(TestPackets.tail(r.output(), 20)).isEqualTo(hex(CASE6_ESP));

        EspResult back = engine.decrypt(EspSa.create(transport(Direction.INBOUND, 0x4321, CASE56_KEY)),
                TestPackets.espInIpv4(hex(CASE6_ESP)));
        assertThat(back.status()).as(back.reason()).isEqualTo(JobStatus.OK);
        assertThat(TestPackets.tail(back.output(), 20)).isEqualTo(hex(CASE6_PAYLOAD));
        assertThat(Ipv4.protocol(back.output())).isEqualTo(1);
    }

    // RFC 3602 §4, Case #7: sample tunnel-mode ESP packet (ping 192.168.123.200)
    private static final String CASE7_INNER = "45000054 09040000 4001f988 c0a87b03 c0a87bc8 08009f76 a90a0100 b49c083d"
            + "02a20400 08090a0b 0c0d0e0f 10111213 14151617 18191a1b 1c1d1e1f 20212223"
            + "24252627 28292a2b 2c2d2e2f 30313233 34353637";
    private static final String CASE7_OUTER_HEADER = "4500008c 09050000 4032f91e c0a87b03 c0a87bc8";
    private static final String CASE7_ESP = "00008765 00000002"
            + "f4e76524 4f6407ad f13dc138 0f673f37"
            + "773b5241 a4c44922 5e4f3ce5 ed611b0c 237ca96c f74a9301 3c1b0ea1 a0cf70f8"
            + "e4ecaec7 8ac53aad 7a0f022b 859243c6 47752e94 a859352b 8a4d4d2d ecd136e5"
            + "c177f132 ad3fbfb2 201ac990 4c74ee0a 109e0ca1 e4dfe9d5 a100b842 f1c22f0d";

    @Test
    void case7TunnelPacketIsReproduced() {
        EspSa sa = EspSa.create(tunnel(Direction.OUTBOUND, 0x8765, CASE78_KEY));
        sa.presetOutboundSequence(1);

        EspResult r = engine.encrypt(sa, hex(CASE7_INNER), hex("f4e76524 4f6407ad f13dc138 0f673f37"));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(TestPackets.tail(r.output(), 20)).isEqualTo(hex(CASE7_ESP));
        // Outer header: the same as the RFC's except Identification (the model uses the sequence
        // number's low bits, the RFC's host its own counter) and hence the checksum.
        byte[] rfcHeader = hex(CASE7_OUTER_HEADER);
        byte[] ours = java.util.Arrays.copyOf(r.output(), 20);
        assertThat(java.util.Arrays.copyOfRange(ours, 0, 4)).isEqualTo(java.util.Arrays.copyOfRange(rfcHeader, 0, 4));
        assertThat(java.util.Arrays.copyOfRange(ours, 6, 10)).isEqualTo(java.util.Arrays.copyOfRange(rfcHeader, 6, 10));
        assertThat(java.util.Arrays.copyOfRange(ours, 12, 20)).isEqualTo(java.util.Arrays.copyOfRange(rfcHeader, 12, 20));
        assertThat(Ipv4.checksum(ours, 20)).as("checksum of a valid header sums to zero").isZero();
    }

    @Test
    void case7TunnelPacketDecryptsToTheInnerPacket() {
        EspSa sa = EspSa.create(tunnel(Direction.INBOUND, 0x8765, CASE78_KEY));

        EspResult r = engine.decrypt(sa, hex(CASE7_OUTER_HEADER + CASE7_ESP));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(r.sequenceNumber()).isEqualTo(2);
        assertThat(r.output()).isEqualTo(hex(CASE7_INNER));
    }

    // RFC 3602 §4, Case #8: tunnel mode, sequence number 5
    private static final String CASE8_INNER = "45000044 090c0000 4001f990 c0a87b03 c0a87bc8 0800d63c aa0a0200 c69c083d"
            + "a3de0300 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff";
    private static final String CASE8_ESP = "00008765 00000005"
            + "85d47224 b5f3dd5d 2101d4ea 8dffab22"
            + "15b92683 819596a8 047232cc 00f7048f e45318e1 1f8a0f62 ede3c3fc 61203bb5"
            + "0f980a08 c9843fd3 a1b06d5c 07ff9639 b7eb7dfb 3512e5de 435e7207 ed971ef3"
            + "d2726d9b 5ef6affc 6d17a0de cbb13892";

    @Test
    void case8TunnelEspPartIsReproducedAndDecrypts() {
        EspSa out = EspSa.create(tunnel(Direction.OUTBOUND, 0x8765, CASE78_KEY));
        out.presetOutboundSequence(4);

        EspResult r = engine.encrypt(out, hex(CASE8_INNER), hex("85d47224 b5f3dd5d 2101d4ea 8dffab22"));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(TestPackets.tail(r.output(), 20)).isEqualTo(hex(CASE8_ESP));

        EspResult back = engine.decrypt(EspSa.create(tunnel(Direction.INBOUND, 0x8765, CASE78_KEY)),
                TestPackets.espInIpv4(hex(CASE8_ESP)));
        assertThat(back.status()).as(back.reason()).isEqualTo(JobStatus.OK);
        assertThat(back.output()).isEqualTo(hex(CASE8_INNER));
    }

    private static SaParams transport(Direction direction, long spi, String key) {
        return new SaParams(spi, direction, EspMode.TRANSPORT, Cipher.AES_128_CBC, Integrity.NONE, false, 64,
                0, 0, KeyBytes.fromHex(key), KeyBytes.NONE);
    }

    private static SaParams tunnel(Direction direction, long spi, String key) {
        // 192.168.123.3 -> 192.168.123.200, the addresses of the RFC's outer header
        return new SaParams(spi, direction, EspMode.TUNNEL, Cipher.AES_128_CBC, Integrity.NONE, false, 64,
                0xC0A8_7B03, 0xC0A8_7BC8, KeyBytes.fromHex(key), KeyBytes.NONE);
    }
}
