package org.nicrig.model.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;

/**
 * The MAC layer ({@link IcvMac}) against the published HMAC test cases: RFC 2202 §2 (HMAC-MD5),
 * RFC 2202 §3 (HMAC-SHA-1) and RFC 4231 §4 (HMAC-SHA-256), whole digests and the truncations
 * ESP uses (96 bits: RFC 2202 test case 5; 128 bits: RFC 4231 test case 5, §4.6).
 *
 * <p>Keys and data are written as {@code x:<hex>}, {@code s:<ASCII text>} or {@code r:<byte>*<count>}
 * (the RFCs' "0xaa repeated 80 times").
 */
class MacVectorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RFC 2202 §2, HMAC-MD5 test case 1 | r:0b*16 | s:Hi There | 9294727a3638bb1c13f48ef8158bfc9d",
        "RFC 2202 §2, HMAC-MD5 test case 2 | s:Jefe | s:what do ya want for nothing? | 750c783e6ab0b503eaa86e310a5db738",
        "RFC 2202 §2, HMAC-MD5 test case 3 | r:aa*16 | r:dd*50 | 56be34521d144c88dbb8c733f0e8b3f6",
        "RFC 2202 §2, HMAC-MD5 test case 4 | x:0102030405060708090a0b0c0d0e0f10111213141516171819 | r:cd*50 | 697eaf0aca3a3aea3a75164746ffaa79",
        "RFC 2202 §2, HMAC-MD5 test case 5 | r:0c*16 | s:Test With Truncation | 56461ef2342edc00f9bab995690efd4c",
        "RFC 2202 §2, HMAC-MD5 test case 6 | r:aa*80 | s:Test Using Larger Than Block-Size Key - Hash Key First | 6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd",
        "RFC 2202 §2, HMAC-MD5 test case 7 | r:aa*80 | s:Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data | 6f630fad67cda0ee1fb1f562db3aa53e",
    })
    void hmacMd5(String source, String key, String data, String digest) {
        assertThat(untruncated(Integrity.HMAC_MD5_96, key, data)).as(source).isEqualTo(TestPackets.hex(digest));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RFC 2202 §3, HMAC-SHA-1 test case 1 | r:0b*20 | s:Hi There | b617318655057264e28bc0b6fb378c8ef146be00",
        "RFC 2202 §3, HMAC-SHA-1 test case 2 | s:Jefe | s:what do ya want for nothing? | effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
        "RFC 2202 §3, HMAC-SHA-1 test case 3 | r:aa*20 | r:dd*50 | 125d7342b9ac11cd91a39af48aa17b4f63f175d3",
        "RFC 2202 §3, HMAC-SHA-1 test case 4 | x:0102030405060708090a0b0c0d0e0f10111213141516171819 | r:cd*50 | 4c9007f4026250c6bc8414f9bf50c86c2d7235da",
        "RFC 2202 §3, HMAC-SHA-1 test case 5 | r:0c*20 | s:Test With Truncation | 4c1a03424b55e07fe7f27be1d58bb9324a9a5a04",
        "RFC 2202 §3, HMAC-SHA-1 test case 6 | r:aa*80 | s:Test Using Larger Than Block-Size Key - Hash Key First | aa4ae5e15272d00e95705637ce8a3b55ed402112",
        "RFC 2202 §3, HMAC-SHA-1 test case 7 | r:aa*80 | s:Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data | e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
    })
    void hmacSha1(String source, String key, String data, String digest) {
        assertThat(untruncated(Integrity.HMAC_SHA1_96, key, data)).as(source).isEqualTo(TestPackets.hex(digest));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RFC 4231 §4.2, test case 1 | r:0b*20 | s:Hi There | b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        "RFC 4231 §4.3, test case 2 | s:Jefe | s:what do ya want for nothing? | 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "RFC 4231 §4.4, test case 3 | r:aa*20 | r:dd*50 | 773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        "RFC 4231 §4.5, test case 4 | x:0102030405060708090a0b0c0d0e0f10111213141516171819 | r:cd*50 | 82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        "RFC 4231 §4.7, test case 6 | r:aa*131 | s:Test Using Larger Than Block-Size Key - Hash Key First | 60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        "RFC 4231 §4.8, test case 7 | r:aa*131 | s:This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm. | 9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    })
    void hmacSha256(String source, String key, String data, String digest) {
        assertThat(untruncated(Integrity.HMAC_SHA2_256_128, key, data)).as(source).isEqualTo(TestPackets.hex(digest));
    }

    /** The truncated outputs, which are what ESP sends as the ICV. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RFC 2202 §2, HMAC-MD5 test case 5, digest-96 | HMAC_MD5_96 | r:0c*16 | 56461ef2342edc00f9bab995",
        "RFC 2202 §3, HMAC-SHA-1 test case 5, digest-96 | HMAC_SHA1_96 | r:0c*20 | 4c1a03424b55e07fe7f27be1",
        "RFC 4231 §4.6, test case 5, truncated to 128 bits | HMAC_SHA2_256_128 | r:0c*20 | a3b6167473100ee06e0c796c2955552b",
    })
    void truncatedIcv(String source, Integrity integrity, String key, String icv) throws Exception {
        IcvMac mac = IcvMac.of(integrity, KeyBytes.of(bytes(key)));

        byte[] tag = mac.tag(bytes("s:Test With Truncation"));

        assertThat(tag).as(source).isEqualTo(TestPackets.hex(icv));
        assertThat(tag).hasSize(integrity.icvLength());
        // and verify() accepts exactly that ICV, and nothing with a bit changed
        mac.update(bytes("s:Test With Truncation"), 0, 20);
        assertThat(mac.verify(tag, 0)).isTrue();
        byte[] wrong = tag.clone();
        wrong[wrong.length - 1] ^= 1;
        mac.update(bytes("s:Test With Truncation"), 0, 20);
        assertThat(mac.verify(wrong, 0)).isFalse();
    }

    private static byte[] untruncated(Integrity integrity, String key, String data) {
        try {
            return IcvMac.untruncated(integrity, KeyBytes.of(bytes(key))).tag(bytes(data));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(String spec) {
        String body = spec.substring(2);
        return switch (spec.substring(0, 2)) {
            case "x:" -> TestPackets.hex(body);
            case "s:" -> body.getBytes(StandardCharsets.US_ASCII);
            case "r:" -> {
                String[] parts = body.split("\\*");
                byte[] b = new byte[Integer.parseInt(parts[1])];
                Arrays.fill(b, (byte) Integer.parseInt(parts[0], 16));
                yield b;
            }
            default -> throw new IllegalArgumentException(spec);
        };
    }
}
