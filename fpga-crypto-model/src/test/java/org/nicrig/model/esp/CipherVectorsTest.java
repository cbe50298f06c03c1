package org.nicrig.model.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.model.esp.TestPackets.hex;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.KeyBytes;

/**
 * The cipher layer, through {@link EspProcessor#selfTest} (with Integrity.NONE it is raw CBC; with
 * GCM it is GCM with empty AAD), against published block cipher and GCM vectors.
 */
class CipherVectorsTest {
    private final EspProcessor engine = EspProcessor.seeded(3);

    /**
     * NIST SP 800-67 (Rev. 1 and 2), Appendix B example: TDEA with three keys over the three
     * 64-bit blocks of "The qufck brown fox jump". The example is in ECB; CBC of one block under a
     * zero IV is the same computation, so each block is checked as its own one-block CBC encryption.
     */
    @ParameterizedTest(name = "NIST SP 800-67 Appendix B, block {0}")
    @CsvSource({
        "1, 5468652071756663, A826FD8CE53B855F",
        "2, 6B2062726F776E20, CCE21C8112256FE6",
        "3, 666F78206A756D70, 68D5C05DD9B6B900",
    })
    void tripleDes(int block, String plaintext, String ciphertext) {
        KeyBytes key = KeyBytes.fromHex("0123456789ABCDEF 23456789ABCDEF01 456789ABCDEF0123");

        EspResult r = engine.selfTest(Cipher.TRIPLE_DES_CBC, Integrity.NONE, key, KeyBytes.NONE, new byte[8], hex(plaintext));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(r.output()).isEqualTo(hex(ciphertext));
    }

    /** NIST SP 800-17 Appendix B, Table 1 (variable plaintext known answer test, key 0101010101010101), rows 1 and 2. */
    @ParameterizedTest(name = "NIST SP 800-17 Appendix B Table 1, plaintext {0}")
    @CsvSource({
        "8000000000000000, 95F8A5E5DD31D900",
        "4000000000000000, DD7F121CA5015619",
    })
    void des(String plaintext, String ciphertext) {
        EspResult r = engine.selfTest(Cipher.DES_CBC, Integrity.NONE, KeyBytes.fromHex("0101010101010101"),
                KeyBytes.NONE, new byte[8], hex(plaintext));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(r.output()).isEqualTo(hex(ciphertext));
    }

    private static final String GCM_P = "d9313225f88406e5a55909c5aff5269a 86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525 b16aedf5aa0de657ba637b391aafd255";

    /**
     * McGrew &amp; Viega, "The Galois/Counter Mode of Operation (GCM)" (revised spec), Test Case 3:
     * AES-128, IV cafebabefacedbaddecaf888, no AAD. In the self-test's terms the salt is cafebabe
     * and the explicit IV facedbaddecaf888.
     */
    @Test
    void gcmSpecTestCase3() {
        EspResult r = engine.selfTest(Cipher.AES_128_GCM_16, Integrity.NONE,
                KeyBytes.fromHex("feffe9928665731c6d6a8f9467308308" + "cafebabe"), KeyBytes.NONE,
                hex("facedbaddecaf888"), hex(GCM_P));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(r.output()).isEqualTo(hex("42831ec2217774244b7221b784d0d49c e3aa212f2c02a4e035c17e2329aca12e"
                + "21d514b25466931c7d8f6a5aac84aa05 1ba30b396a0aac973d58e091473f5985"
                + "4d5c2af327cd64a62cf35abd2ba6fab4"));
    }

    /** Same document, Test Case 15: AES-256, same IV and plaintext, no AAD. */
    @Test
    void gcmSpecTestCase15() {
        EspResult r = engine.selfTest(Cipher.AES_256_GCM_16, Integrity.NONE,
                KeyBytes.fromHex("feffe9928665731c6d6a8f9467308308 feffe9928665731c6d6a8f9467308308" + "cafebabe"),
                KeyBytes.NONE, hex("facedbaddecaf888"), hex(GCM_P));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(r.output()).isEqualTo(hex("522dc1f099567d07f47f37a32a84427d 643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838 c5f61e6393ba7a0abcc9f662898015ad"
                + "b094dac5d93471bdec1a502270e3cc6c"));
    }

    /**
     * The CBC self-test with integrity: C is RFC 3602 §4 Case #2's ciphertext, and the ICV is the
     * truncated HMAC of IV || C. No published vector covers that composition, so the ICV is checked
     * against the MAC layer, itself checked against RFC 4231 in {@link MacVectorsTest}.
     */
    @Test
    void cbcSelfTestAppendsTheTruncatedHmacOfIvAndCiphertext() throws Exception {
        byte[] iv = hex("562e17996d093d28ddb3ba695a2e6f58");
        KeyBytes authKey = KeyBytes.of(hex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"));
        EspResult r = engine.selfTest(Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128,
                KeyBytes.fromHex("c286696d887c9aa0611bbb3e2025a45a"), authKey, iv,
                hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));

        byte[] c = hex("d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1");
        byte[] ivAndC = Arrays.copyOf(iv, 16 + 32);
        System.arraycopy(c, 0, ivAndC, 16, 32);
        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(Arrays.copyOf(r.output(), 32)).isEqualTo(c);
        assertThat(Arrays.copyOfRange(r.output(), 32, r.output().length))
                .isEqualTo(IcvMac.of(Integrity.HMAC_SHA2_256_128, authKey).tag(ivAndC))
                .hasSize(16);
    }
}
