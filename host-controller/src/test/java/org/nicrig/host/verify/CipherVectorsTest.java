package org.nicrig.host.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;

/** Raw cipher known answers, through {@link SelfTestReference} with no integrity (output = C). */
class CipherVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    static byte[] hex(String s) {
        return HEX.parseHex(s.replaceAll("\\s", ""));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] cbc(Cipher cipher, String key, String iv, byte[] plaintext) {
        return SelfTestReference.answer(cipher, Integrity.NONE, KeyBytes.fromHex(key), KeyBytes.NONE, hex(iv), plaintext);
    }

    // RFC 3602 §4, Case #1 .. #4: AES-CBC with a 128-bit key.
    @ParameterizedTest(name = "RFC 3602 §4, Case #{0}")
    @CsvSource(delimiter = '|', value = {
        "1|06a9214036b8a15b512e03d534120006|3dafba429d9eb430b422da802c9fac41"
            + "|53696e676c6520626c6f636b206d7367"
            + "|e353779c1079aeb82708942dbe77181a",
        "2|c286696d887c9aa0611bbb3e2025a45a|562e17996d093d28ddb3ba695a2e6f58"
            + "|000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
            + "|d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1",
        "3|6c3ea0477630ce21a2ce334aa746c2cd|c782dc4c098c66cbd9cd27d825682c81"
            + "|5468697320697320612034382d62797465206d657373616765202865786163746c7920332041455320626c6f636b7329"
            + "|d0a02b3836451753d493665d33f0e8862dea54cdb293abc7506939276772f8d5021c19216bad525c8579695d83ba2684",
        "4|56e47a38c5598974bc46903dba290349|8ce82eefbea0da3c44699ed7db51b7d9"
            + "|a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
            + "|c30e32ffedc0774e6aff6af0869f71aa0f3af07a9a31a9c684db207eb0ef8e4e35907aa632c3ffdf868bb7b29d3d46ad83ce9f9a102ee99d49a53e87f4c3da55",
    })
    void aesCbcRfc3602(int caseNo, String key, String iv, String plaintext, String ciphertext) {
        assertThat(HEX.formatHex(cbc(Cipher.AES_128_CBC, key, iv, hex(plaintext)))).isEqualTo(ciphertext);
        assertThat(BcCrypto.cbc(Cipher.AES_128_CBC, hex(key), hex(iv), hex(ciphertext), false)).isEqualTo(hex(plaintext));
    }

    @Test
    void rfc3602PlaintextsAreTheQuotedStrings() {
        // RFC 3602 §4 gives cases 1 and 3 as text; the hex above must be exactly that text.
        assertThat(hex("53696e676c6520626c6f636b206d7367")).isEqualTo(ascii("Single block msg"));
        assertThat(hex("5468697320697320612034382d62797465206d657373616765202865786163746c7920332041455320626c6f636b7329"))
                .isEqualTo(ascii("This is a 48-byte message (exactly 3 AES blocks)"));
    }

    @Test
    void desCbcFips81AppendixC() {
        // FIPS PUB 81, Appendix C (CBC example): "Now is the time for all " under key
        // 0123456789abcdef, IV 1234567890abcdef.
        byte[] c = cbc(Cipher.DES_CBC, "0123456789abcdef", "1234567890abcdef", ascii("Now is the time for all "));
        assertThat(HEX.formatHex(c)).isEqualTo("e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6");
    }

    @Test
    void tripleDesSp80067AppendixB() {
        // NIST SP 800-67 (Rev. 1), Appendix B example: three-key TDEA, ECB. A one-block CBC
        // encryption under a zero IV is ECB, so each block goes through the CBC path alone.
        String key = "0123456789abcdef" + "23456789abcdef01" + "456789abcdef0123";
        String[] plain = {"5468652071756663", "6b2062726f776e20", "666f78206a756d70"}; // "The qufck brown fox jump"
        String[] cipher = {"a826fd8ce53b855f", "cce21c8112256fe6", "68d5c05dd9b6b900"};
        for (int i = 0; i < 3; i++) {
            byte[] c = cbc(Cipher.TRIPLE_DES_CBC, key, "0000000000000000", hex(plain[i]));
            assertThat(HEX.formatHex(c)).as("block %d", i + 1).isEqualTo(cipher[i]);
        }
    }

    @Test
    void tripleDesWithEqualKeysChainsLikeDesCbc() {
        // SP 800-67 keying option 3 (K1 = K2 = K3) is single DES, so 3DES-CBC must reproduce the
        // FIPS 81 CBC example: this exercises the 3DES chaining over several blocks.
        byte[] c = cbc(Cipher.TRIPLE_DES_CBC, "0123456789abcdef".repeat(3), "1234567890abcdef",
                ascii("Now is the time for all "));
        assertThat(HEX.formatHex(c)).isEqualTo("e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6");
    }

    @Test
    void cbcRefusesPartialBlocks() {
        assertThatThrownBy(() -> cbc(Cipher.AES_128_CBC, "00".repeat(16), "00".repeat(16), new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16-byte blocks");
    }
}
