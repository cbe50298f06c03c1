package org.nicrig.protocol.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;

/**
 * Every way FirmwareImage.parse refuses an image (FIRMWARE-IMAGE.md §9), each with the byte
 * offset and the message a user sees. Bad images are written field by field with {@link RawImage},
 * not by the encoder under test.
 */
class ImageRefusalTest {
    private static final byte[] KEY_ID = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final byte[] SIGNATURE = new byte[64];

    /** Asserts that parsing refuses {@code image} at {@code offset} with exactly {@code what}. */
    private static void refused(byte[] image, long offset, String what) {
        assertThatThrownBy(() -> FirmwareImage.parse(image))
                .isInstanceOfSatisfying(ImageFormatException.class, e -> assertThat(e.offset()).isEqualTo(offset))
                .hasMessage("bad firmware image at byte " + offset + ": " + what);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theDefaultRawImageIsValidAndMeansWhatItSays() throws ImageFormatException {
        RawImage raw = new RawImage().signedWith(KEY_ID, SIGNATURE);
        FirmwareImage image = FirmwareImage.parse(raw.bytes());
        assertThat(image.manifest().capabilities().ciphers()).extracting(CipherRate::cipher)
                .containsExactly(Cipher.AES_128_CBC, Cipher.AES_256_GCM_16);
        assertThat(image.manifest().capabilities().integrities()).containsExactly(Integrity.NONE, Integrity.HMAC_SHA2_256_128);
        assertThat(image.manifest().modelDefects()).containsExactly("IV_REUSE");
        assertThat(image.signature()).isPresent();
        // and the encoder writes the same bytes the spec's field list does
        assertThat(image.toBytes()).isEqualTo(raw.bytes());
    }

    @Test
    void badMagic() {
        RawImage raw = new RawImage();
        raw.magic = ascii("MZ\u0090\0");
        refused(raw.bytes(), 0, "magic is not \"NRFW\" (4e 52 46 57) — not a nicrig firmware image");
    }

    @Test
    void tooShortForTheMagic() {
        refused(ascii("NR"), 0, "magic needs 4 bytes, 2 left (truncated image?)");
        refused(new byte[0], 0, "magic needs 4 bytes, 0 left (truncated image?)");
    }

    @Test
    void unknownFormatVersion() {
        RawImage raw = new RawImage();
        raw.formatVersion = 2;
        refused(raw.bytes(), 4, "format version 2 (this reader knows 1)");
    }

    @Test
    void reservedByteSet() {
        RawImage raw = new RawImage();
        raw.reserved = 0x80;
        refused(raw.bytes(), 5, "reserved byte is not 0");
    }

    @Test
    void emptyRevisionRange() {
        RawImage raw = new RawImage();
        raw.revisionMin = 0x09;
        raw.revisionMax = 0x08;
        refused(raw.bytes(), 12, "revision range 0x09..0x08 is empty");
    }

    @Test
    void reservedCapabilityBitsSet() {
        for (int bit = 2; bit < 8; bit++) {
            RawImage raw = new RawImage();
            raw.flags = 3 | (1 << bit);
            refused(raw.bytes(), 22, String.format("reserved capability flag bits set: 0x%02x", 3 | (1 << bit)));
        }
    }

    @Test
    void noEngineButSecondaryUseOrSuites() {
        String what = "a firmware without an engine offers no ciphers, integrities or secondary use";
        RawImage secondary = new RawImage();
        secondary.flags = 2;
        secondary.ciphers.clear();
        secondary.integrities.clear();
        refused(secondary.bytes(), 22, what);
        RawImage ciphers = new RawImage();
        ciphers.flags = 0;
        ciphers.integrities.clear();
        refused(ciphers.bytes(), 22, what);
        RawImage integrities = new RawImage();
        integrities.flags = 0;
        integrities.ciphers.clear();
        refused(integrities.bytes(), 22, what);
    }

    @Test
    void unknownCipher() {
        RawImage raw = new RawImage();
        raw.ciphers.add(new long[] {12, 192, 1}); // AES-192-CBC: a real IKEv2 pair, not one the protocol knows
        byte[] b = raw.bytes();
        refused(b, 24 + 2 * 8, "unknown cipher: IKEv2 transform 12 with 192-bit key");
    }

    @Test
    void cipherListedTwice() {
        RawImage raw = new RawImage();
        raw.ciphers.add(new long[] {12, 128, 1});
        refused(raw.bytes(), 24 + 2 * 8, "AES_128_CBC is listed twice");
    }

    @Test
    void unknownIntegrity() {
        RawImage raw = new RawImage();
        raw.integrities.add(5); // AUTH_AES_XCBC_96: real, not in Appendix A.2
        byte[] b = raw.bytes();
        refused(b, raw.offsetOf("integrity count") + 1 + 2 * 2, "unknown integrity: IKEv2 transform 5");
    }

    @Test
    void integrityListedTwice() {
        RawImage raw = new RawImage();
        raw.integrities.add(0);
        byte[] b = raw.bytes();
        refused(b, raw.offsetOf("integrity count") + 1 + 2 * 2, "NONE is listed twice");
    }

    @Test
    void badDefectNames() {
        String what = "defect name is not 1..255 printable ASCII characters without spaces";
        for (byte[] name : List.of(new byte[0], ascii("IV REUSE"), ascii("IV_R\u00c9USE"), ascii("IV\u0007"))) {
            RawImage raw = new RawImage();
            raw.defects.add(name);
            byte[] b = raw.bytes();
            int second = raw.fields.stream().filter(f -> f.name().equals("defect name length")).skip(1).findFirst()
                    .orElseThrow().offset();
            refused(b, second, what);
        }
    }

    @Test
    void defectListedTwice() {
        RawImage raw = new RawImage();
        raw.defects.add(ascii("IV_REUSE"));
        byte[] b = raw.bytes();
        refused(b, raw.offsetOf("defect count") + 1 + 1 + 8, "defect IV_REUSE is listed twice");
    }

    @Test
    void headerLengthThatIsNotTheFieldsLength() {
        RawImage raw = new RawImage();
        int real = raw.bytes().length - raw.payload.length - 1;
        for (int wrong : new int[] {0, 24, real - 1, real + 1, 0xFFFF}) {
            raw.headerLength = wrong;
            refused(raw.bytes(), 6, "header length says " + wrong + " bytes, its fields take " + real);
        }
    }

    /** Cut anywhere, the image is refused at the field the cut falls in, which is named. */
    @Test
    void truncatedAtEveryField() {
        for (boolean signed : new boolean[] {false, true}) {
            RawImage raw = signed ? new RawImage().signedWith(KEY_ID, SIGNATURE) : new RawImage();
            byte[] full = raw.bytes();
            int headerLength = raw.offsetOf("payload");
            for (int cut = 0; cut < full.length; cut++) {
                byte[] part = Arrays.copyOf(full, cut);
                int at = cut;
                RawImage.Field f = raw.fields.stream()
                        .filter(x -> x.offset() <= at && at < x.offset() + x.length()).findFirst().orElseThrow();
                if (f.name().equals("payload")) {
                    refused(part, headerLength, "payload of " + raw.payload.length + " bytes announced, only "
                            + (cut - headerLength) + " bytes follow the header (truncated image?)");
                } else {
                    refused(part, f.offset(), f.name() + " needs " + f.length() + (f.length() == 1 ? " byte, " : " bytes, ")
                            + (cut - f.offset()) + " left (truncated image?)");
                }
            }
        }
    }

    @Test
    void payloadLongerThanWhatFollows() {
        RawImage raw = new RawImage();
        raw.payloadLength = 0xFFFF_FFFFL;
        byte[] b = raw.bytes();
        refused(b, raw.offsetOf("payload"), "payload of 4294967295 bytes announced, only "
                + (raw.payload.length + 1) + " bytes follow the header (truncated image?)");
    }

    @Test
    void payloadThatDoesNotMatchItsHash() {
        RawImage raw = new RawImage();
        raw.payloadSha256 = Sha256.of(ascii("another payload"));
        byte[] b = raw.bytes();
        refused(b, raw.offsetOf("payload"), "payload does not match the header's SHA-256 (corrupt image)");
    }

    /** A payload shorter than announced takes trailer bytes into the payload: its hash no longer fits. */
    @Test
    void payloadLengthOneTooLong() {
        RawImage raw = new RawImage().signedWith(KEY_ID, SIGNATURE);
        raw.payloadLength = (long) raw.payload.length + 1;
        byte[] b = raw.bytes();
        refused(b, raw.offsetOf("payload"), "payload does not match the header's SHA-256 (corrupt image)");
    }

    @Test
    void unknownSignatureAlgorithm() {
        RawImage raw = new RawImage().signedWith(KEY_ID, SIGNATURE);
        byte[] b = raw.bytes();
        int trailer = raw.offsetOf("signature algorithm");
        for (int algorithm : new int[] {2, 0x80, 0xFF}) {
            b[trailer] = (byte) algorithm;
            refused(b, trailer, "unknown signature algorithm " + algorithm + " (0 unsigned, 1 Ed25519)");
        }
    }

    @Test
    void bytesAfterTheTrailer() {
        RawImage unsigned = new RawImage();
        unsigned.extra = new byte[] {0};
        byte[] b = unsigned.bytes();
        refused(b, b.length - 1, "1 byte after the signature trailer");
        RawImage signed = new RawImage().signedWith(KEY_ID, SIGNATURE);
        signed.extra = new byte[7];
        byte[] s = signed.bytes();
        refused(s, s.length - 7, "7 bytes after the signature trailer");
    }

    @Test
    void anUnsignedImageWithASignatureAppendedIsRefused() {
        // "unsigned" is a trailer of one 0 byte: a signature glued after it is not a signature
        RawImage raw = new RawImage();
        byte[] unsigned = raw.bytes();
        byte[] glued = Arrays.copyOf(unsigned, unsigned.length + 72);
        refused(glued, unsigned.length, "72 bytes after the signature trailer");
    }

    @Test
    void headerLengthNeedsEightBytesAndTheMagic() {
        assertThatThrownBy(() -> FirmwareImage.headerLength(ascii("NRFW\1\0")))
                .isInstanceOfSatisfying(ImageFormatException.class, e -> assertThat(e.offset()).isEqualTo(6))
                .hasMessage("bad firmware image at byte 6: need 8 bytes to read the header length");
        assertThatThrownBy(() -> FirmwareImage.headerLength(ascii("ELF\0\0\0\0\0")))
                .isInstanceOfSatisfying(ImageFormatException.class, e -> assertThat(e.offset()).isZero())
                .hasMessageContaining("not a nicrig firmware image");
    }

    @Test
    void theValueTypesRefuseWhatTheFormatCannotCarry() {
        assertThatThrownBy(() -> new ImageCapabilities(true, true,
                List.of(new CipherRate(Cipher.AES_128_CBC, 1), new CipherRate(Cipher.AES_128_CBC, 2)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new ImageCapabilities(true, true, List.of(), List.of(Integrity.NONE, Integrity.NONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new ImageManifest(new ImageTarget(1, 2, 3, 4), new org.nicrig.protocol.message.FirmwareVersion(1, 0, 0),
                0, ImageCapabilities.NONE, List.of("IV_REUSE", "IV_REUSE")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new CipherRate(Cipher.AES_128_CBC, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
