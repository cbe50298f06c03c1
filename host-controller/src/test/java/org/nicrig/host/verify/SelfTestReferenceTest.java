package org.nicrig.host.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nicrig.host.verify.CipherVectorsTest.hex;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;

/** The secondary-use self-test answer (patent op. 302): C ‖ ICV, or C ‖ tag for GCM. */
class SelfTestReferenceTest {
    private static final HexFormat HEX = HexFormat.of();

    // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", revised spec, Appendix B.
    private static final String GCM_P = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";

    @Test
    void gcmSpecTestCase3() {
        // Test Case 3: K feffe9928665731c6d6a8f9467308308, IV cafebabefacedbaddecaf888, no AAD.
        // As ESP key material the IV's first 4 bytes are the salt, the other 8 the explicit IV.
        byte[] answer = SelfTestReference.answer(Cipher.AES_128_GCM_16, Integrity.NONE,
                KeyBytes.fromHex("feffe9928665731c6d6a8f9467308308" + "cafebabe"), KeyBytes.NONE,
                hex("facedbaddecaf888"), hex(GCM_P));
        assertThat(HEX.formatHex(answer)).isEqualTo(
                "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                        + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985"
                        + "4d5c2af327cd64a62cf35abd2ba6fab4");
    }

    @Test
    void gcmSpecTestCase15() {
        // Test Case 15: 256-bit key feffe9928665731c6d6a8f9467308308 twice, same IV and P, no AAD.
        byte[] answer = SelfTestReference.answer(Cipher.AES_256_GCM_16, Integrity.NONE,
                KeyBytes.fromHex("feffe9928665731c6d6a8f9467308308".repeat(2) + "cafebabe"), KeyBytes.NONE,
                hex("facedbaddecaf888"), hex(GCM_P));
        assertThat(HEX.formatHex(answer)).isEqualTo(
                "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad"
                        + "b094dac5d93471bdec1a502270e3cc6c");
    }

    @Test
    void cbcAnswerIsCiphertextThenHmacOfIvAndCiphertext() {
        // C from RFC 3602 §4 Case #2; the ICV is HMAC-SHA1-96 over IV ‖ C, the HMAC itself
        // being checked against RFC 2202 in HmacVectorsTest.
        byte[] iv = hex("562e17996d093d28ddb3ba695a2e6f58");
        KeyBytes authKey = KeyBytes.fromHex("0b".repeat(20));
        byte[] answer = SelfTestReference.answer(Cipher.AES_128_CBC, Integrity.HMAC_SHA1_96,
                KeyBytes.fromHex("c286696d887c9aa0611bbb3e2025a45a"), authKey, iv,
                hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
        byte[] c = hex("d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1");
        assertThat(answer).hasSize(32 + 12);
        assertThat(Arrays.copyOf(answer, 32)).isEqualTo(c);
        assertThat(Arrays.copyOfRange(answer, 32, 44))
                .isEqualTo(Arrays.copyOf(BcCrypto.hmac(Integrity.HMAC_SHA1_96, authKey.reveal(), iv, c), 12));
    }

    @Test
    void sha256AnswerCarriesA16ByteIcv() {
        byte[] answer = SelfTestReference.answer(Cipher.AES_256_CBC, Integrity.HMAC_SHA2_256_128,
                KeyBytes.fromHex("11".repeat(32)), KeyBytes.fromHex("22".repeat(32)), new byte[16], new byte[48]);
        assertThat(answer).hasSize(48 + 16);
    }

    @Test
    void wrongSizesAreRefusedWithoutShowingTheKey() {
        String key = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
        assertThatThrownBy(() -> SelfTestReference.answer(Cipher.AES_256_CBC, Integrity.NONE,
                KeyBytes.fromHex(key), KeyBytes.NONE, new byte[16], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(key);
        assertThatThrownBy(() -> SelfTestReference.answer(Cipher.AES_128_GCM_16, Integrity.NONE,
                KeyBytes.fromHex(key + "00000000"), KeyBytes.NONE, new byte[12], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IV is 8 bytes");
    }
}
