package org.nicrig.host.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.host.verify.CipherVectorsTest.hex;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;

/**
 * RFC 3602 §4, Cases #5 to #8: complete ESP packets, AES-CBC with a 128-bit key and no
 * authentication. RFC 3602 publishes them without an ICV, so the SA here uses Integrity.NONE
 * (confidentiality-only ESP, RFC 4303 §3.2), which the reference accepts for a CBC cipher. They
 * test the ESP parsing, trailer handling and fixed-IV encryption byte for byte; the ICV is tested
 * by the GCM vectors and the HMAC known answers.
 */
class EspRfc3602Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final int GW_192_168_123_3 = 0xc0a87b03;
    private static final int HOST_192_168_123_200 = 0xc0a87bc8;

    static SaParams sa(long spi, EspMode mode, String key) {
        return new SaParams(spi, Direction.OUTBOUND, mode, Cipher.AES_128_CBC, Integrity.NONE, false, 0,
                mode == EspMode.TUNNEL ? GW_192_168_123_3 : 0, mode == EspMode.TUNNEL ? HOST_192_168_123_200 : 0,
                KeyBytes.fromHex(key), KeyBytes.NONE);
    }

    // ---- Case #5: Sample transport-mode ESP packet (ping 192.168.123.100)
    static final String CASE5_KEY = "90d382b4 10eeba7a d938c46c ec1a82bf";
    static final String CASE5_IV = "e96e8c08 ab465763 fd098d45 dd3ff893";
    static final String CASE5_ORIGINAL = "45000054 08f20000 4001f9fe c0a87b03 c0a87b64"
            + "08000ebd a70a0000 8e9c083d b95b0700 08090a0b 0c0d0e0f 10111213 14151617"
            + "18191a1b 1c1d1e1f 20212223 24252627 28292a2b 2c2d2e2f 30313233 34353637";
    static final String CASE5_ESP_PACKET = "4500007c 08f20000 4032f9a5 c0a87b03 c0a87b64"
            + "00004321 00000001"
            + "e96e8c08 ab465763 fd098d45 dd3ff893"
            + "f663c25d 325c18c6 a9453e19 4e120849 a4870b66 cc6b9965 330013b4 898dc856"
            + "a4699e52 3a55db08 0b59ec3a 8e4b7e52 775b07d1 db34ed9c 538ab50c 551b874a"
            + "a269add0 47ad2d59 13ac19b7 cfbad4a6";

    @Test
    void case5TransportSealsByteForByte() {
        EspReference ref = new EspReference(sa(0x4321, EspMode.TRANSPORT, CASE5_KEY));
        byte[] sealed = ref.seal(hex(CASE5_ORIGINAL), 1, hex(CASE5_IV));
        assertThat(HEX.formatHex(sealed)).isEqualTo(HEX.formatHex(hex(CASE5_ESP_PACKET)));
    }

    @Test
    void case5TransportOpensToTheOriginalPacket() {
        EspReference ref = new EspReference(sa(0x4321, EspMode.TRANSPORT, CASE5_KEY));
        OpenResult.Opened o = (OpenResult.Opened) ref.open(hex(CASE5_ESP_PACKET));
        assertThat(o.spi()).isEqualTo(0x4321);
        assertThat(o.sequence()).isEqualTo(1);
        assertThat(o.iv().hex()).isEqualTo(HEX.formatHex(hex(CASE5_IV)));
        // "Padding: 01020304 05060708 090a0b0c 0d0e, Pad length: 0e, Next header: 01 (ICMP)"
        assertThat(o.padLength()).isEqualTo(14);
        assertThat(o.nextHeader()).isEqualTo(1);
        assertThat(o.packet().toArray()).isEqualTo(hex(CASE5_ORIGINAL));
    }

    // ---- Case #6: Sample transport-mode ESP packet (ping -p 77 -s 20 192.168.123.100)
    static final String CASE6_PAYLOAD = "0800b5e8 a80a0500 a69c083d 0b660e00 77777777 77777777 77777777";
    static final String CASE6_ESP = "00004321 00000008 69d08df7 d203329d b093fc49 24e5bd80"
            + "f5199588 1ec4e0c4 488987ce 742e8109 689bb379 d2d750c0 d915dca3 46a89f75";

    @Test
    void case6EspLayerBothWays() {
        EspReference ref = new EspReference(sa(0x4321, EspMode.TRANSPORT, CASE5_KEY));
        byte[] esp = ref.sealEsp(8, hex("69d08df7 d203329d b093fc49 24e5bd80"), hex(CASE6_PAYLOAD), 1);
        assertThat(HEX.formatHex(esp)).isEqualTo(HEX.formatHex(hex(CASE6_ESP)));

        OpenResult.Opened o = (OpenResult.Opened) ref.openEsp(hex(CASE6_ESP), 0);
        assertThat(o.sequence()).isEqualTo(8);
        assertThat(o.payload().toArray()).isEqualTo(hex(CASE6_PAYLOAD));
        assertThat(o.padLength()).isEqualTo(2);
        assertThat(o.nextHeader()).isEqualTo(1);
    }

    // ---- Case #7: Sample tunnel-mode ESP packet (ping 192.168.123.200)
    static final String CASE78_KEY = "01234567 89abcdef 01234567 89abcdef";
    static final String CASE7_INNER = "45000054 09040000 4001f988 c0a87b03 c0a87bc8 08009f76 a90a0100 b49c083d"
            + "02a20400 08090a0b 0c0d0e0f 10111213 14151617 18191a1b 1c1d1e1f 20212223"
            + "24252627 28292a2b 2c2d2e2f 30313233 34353637";
    static final String CASE7_ESP_PACKET = "4500008c 09050000 4032f91e c0a87b03 c0a87bc8"
            + "00008765 00000002"
            + "f4e76524 4f6407ad f13dc138 0f673f37"
            + "773b5241 a4c44922 5e4f3ce5 ed611b0c 237ca96c f74a9301 3c1b0ea1 a0cf70f8"
            + "e4ecaec7 8ac53aad 7a0f022b 859243c6 47752e94 a859352b 8a4d4d2d ecd136e5"
            + "c177f132 ad3fbfb2 201ac990 4c74ee0a 109e0ca1 e4dfe9d5 a100b842 f1c22f0d";

    @Test
    void case7TunnelSealsByteForByteWithTheRfcsOuterHeaderFields() {
        EspReference ref = new EspReference(sa(0x8765, EspMode.TUNNEL, CASE78_KEY));
        byte[] published = hex(CASE7_ESP_PACKET);
        // identification 0x0905, TTL 64: the sender's choices, taken from the published packet
        assertThat(OuterHeader.of(published)).isEqualTo(new OuterHeader(0, 0x0905, 0, 64));
        byte[] sealed = ref.seal(hex(CASE7_INNER), 2, hex("f4e76524 4f6407ad f13dc138 0f673f37"),
                OuterHeader.of(published));
        assertThat(HEX.formatHex(sealed)).isEqualTo(HEX.formatHex(published));
    }

    @Test
    void case7TunnelOpensToTheInnerPacket() {
        EspReference ref = new EspReference(sa(0x8765, EspMode.TUNNEL, CASE78_KEY));
        OpenResult.Opened o = (OpenResult.Opened) ref.open(hex(CASE7_ESP_PACKET));
        assertThat(o.sequence()).isEqualTo(2);
        assertThat(o.nextHeader()).isEqualTo(4);
        assertThat(o.padLength()).isEqualTo(10);
        assertThat(o.packet().toArray()).isEqualTo(hex(CASE7_INNER));
    }

    // ---- Case #8: Sample tunnel-mode ESP packet (ping -p ff -s 40 192.168.123.200)
    static final String CASE8_INNER = "45000044 090c0000 4001f990 c0a87b03 c0a87bc8 0800d63c aa0a0200 c69c083d"
            + "a3de0300 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff";
    static final String CASE8_ESP = "00008765 00000005 85d47224 b5f3dd5d 2101d4ea 8dffab22"
            + "15b92683 819596a8 047232cc 00f7048f e45318e1 1f8a0f62 ede3c3fc 61203bb5"
            + "0f980a08 c9843fd3 a1b06d5c 07ff9639 b7eb7dfb 3512e5de 435e7207 ed971ef3"
            + "d2726d9b 5ef6affc 6d17a0de cbb13892";

    @Test
    void case8EspLayerBothWays() {
        EspReference ref = new EspReference(sa(0x8765, EspMode.TUNNEL, CASE78_KEY));
        byte[] esp = ref.sealEsp(5, hex("85d47224 b5f3dd5d 2101d4ea 8dffab22"), hex(CASE8_INNER), 4);
        assertThat(HEX.formatHex(esp)).isEqualTo(HEX.formatHex(hex(CASE8_ESP)));

        OpenResult.Opened o = (OpenResult.Opened) ref.openEsp(hex(CASE8_ESP), 0);
        assertThat(o.sequence()).isEqualTo(5);
        assertThat(o.nextHeader()).isEqualTo(4);
        assertThat(o.payload().toArray()).isEqualTo(hex(CASE8_INNER));
    }

    @Test
    void case5WithTheWrongKeyFailsATrailerCheckNotAnException() {
        // Without an ICV a wrong key can only show up as garbage in the trailer.
        EspReference ref = new EspReference(sa(0x4321, EspMode.TRANSPORT, CASE78_KEY));
        OpenResult r = ref.open(hex(CASE5_ESP_PACKET));
        assertThat(r).isInstanceOf(OpenResult.Rejected.class);
        assertThat(((OpenResult.Rejected) r).failure().check()).isIn(Check.PADDING, Check.PAD_LENGTH, Check.NEXT_HEADER);
    }
}
