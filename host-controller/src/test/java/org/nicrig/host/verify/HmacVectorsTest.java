package org.nicrig.host.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.host.verify.CipherVectorsTest.ascii;
import static org.nicrig.host.verify.CipherVectorsTest.hex;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.Integrity;

/** HMAC known answers (RFC 2202, RFC 4231) and the ESP truncations (RFC 2403, 2404, 4868). */
class HmacVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] repeat(int b, int n) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }

    private static String hmac(Integrity i, byte[] key, byte[] data) {
        return HEX.formatHex(BcCrypto.hmac(i, key, data));
    }

    private static String icv(Integrity i, byte[] key, byte[] data) {
        return HEX.formatHex(BcCrypto.icv(i, key, data));
    }

    @Test
    void hmacMd5Rfc2202() {
        // RFC 2202 §2, test_case 1, 2 and 5 (5 gives digest-96, the RFC 2403 ICV).
        assertThat(hmac(Integrity.HMAC_MD5_96, repeat(0x0b, 16), ascii("Hi There")))
                .isEqualTo("9294727a3638bb1c13f48ef8158bfc9d");
        assertThat(hmac(Integrity.HMAC_MD5_96, ascii("Jefe"), ascii("what do ya want for nothing?")))
                .isEqualTo("750c783e6ab0b503eaa86e310a5db738");
        assertThat(hmac(Integrity.HMAC_MD5_96, repeat(0x0c, 16), ascii("Test With Truncation")))
                .isEqualTo("56461ef2342edc00f9bab995690efd4c");
        assertThat(icv(Integrity.HMAC_MD5_96, repeat(0x0c, 16), ascii("Test With Truncation")))
                .isEqualTo("56461ef2342edc00f9bab995");
    }

    @Test
    void hmacSha1Rfc2202() {
        // RFC 2202 §3, test_case 1, 2 and 5 (5 gives digest-96, the RFC 2404 ICV).
        assertThat(hmac(Integrity.HMAC_SHA1_96, repeat(0x0b, 20), ascii("Hi There")))
                .isEqualTo("b617318655057264e28bc0b6fb378c8ef146be00");
        assertThat(hmac(Integrity.HMAC_SHA1_96, ascii("Jefe"), ascii("what do ya want for nothing?")))
                .isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        assertThat(hmac(Integrity.HMAC_SHA1_96, repeat(0x0c, 20), ascii("Test With Truncation")))
                .isEqualTo("4c1a03424b55e07fe7f27be1d58bb9324a9a5a04");
        assertThat(icv(Integrity.HMAC_SHA1_96, repeat(0x0c, 20), ascii("Test With Truncation")))
                .isEqualTo("4c1a03424b55e07fe7f27be1");
    }

    @Test
    void hmacSha256Rfc4231() {
        // RFC 4231 §4.2, §4.3 (Test Cases 1, 2) and §4.6 (Test Case 5, truncated to 128 bits,
        // the RFC 4868 HMAC-SHA-256-128 ICV length).
        assertThat(hmac(Integrity.HMAC_SHA2_256_128, repeat(0x0b, 20), ascii("Hi There")))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(hmac(Integrity.HMAC_SHA2_256_128, ascii("Jefe"), ascii("what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(icv(Integrity.HMAC_SHA2_256_128, repeat(0x0c, 20), ascii("Test With Truncation")))
                .isEqualTo("a3b6167473100ee06e0c796c2955552b");
    }

    @Test
    void hmacSha256Rfc4231Case3And4() {
        // RFC 4231 §4.4, §4.5: Test Cases 3 and 4 (data longer than the key).
        assertThat(hmac(Integrity.HMAC_SHA2_256_128, repeat(0xaa, 20), repeat(0xdd, 50)))
                .isEqualTo("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        assertThat(hmac(Integrity.HMAC_SHA2_256_128, hex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
                repeat(0xcd, 50)))
                .isEqualTo("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    }

    @Test
    void icvTakesPartsInOrder() {
        // the ICV input is ESP bytes followed by ESN high bits: parts must be concatenated, in order
        byte[] key = repeat(0x0c, 20);
        assertThat(BcCrypto.icv(Integrity.HMAC_SHA1_96, key, ascii("Test With "), ascii("Truncation")))
                .isEqualTo(hex("4c1a03424b55e07fe7f27be1"));
    }
}
