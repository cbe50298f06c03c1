package org.nicrig.protocol.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/**
 * The golden images (src/test/resources/golden-images/), made with {@code nicrig fw pack} and
 * {@code nicrig fw sign} from firmware/examples/ and the development key, checked byte for byte:
 * against the encoder, against a field-by-field writer of the spec ({@link RawImage}), against
 * FIRMWARE-IMAGE.md §8's annotated dump, and — with the JDK's Ed25519, the device model's — for
 * their signature, which the JDK also reproduces from the development key (Ed25519 is
 * deterministic, RFC 8032 §5.1.6). They were also checked outside Java: openssl dgst, openssl
 * pkeyutl -verify and a Python reader written from the spec (FIRMWARE-IMAGE.md §8).
 */
class GoldenImageTest {
    static final Path KEYS = Path.of("..", "keys");
    static final byte[] PAYLOAD = "stand-in for an FPGA bitstream\n".getBytes(StandardCharsets.US_ASCII);
    /** keys/nicrig-dev.pub, the contract's raw public key. */
    static final String DEV_PUBLIC = "0c7012cacbee7d04843dc253062fe658dbebe98a540ce76cefc624855e10d653";
    static final String DEV_KEY_ID = "ec7cda9ecd741a14";

    static final ImageCapabilities FPGA_AES_150 = new ImageCapabilities(true, true, List.of(
            new CipherRate(Cipher.AES_128_CBC, 125_000_000), new CipherRate(Cipher.AES_256_CBC, 125_000_000),
            new CipherRate(Cipher.AES_128_GCM_16, 125_000_000), new CipherRate(Cipher.AES_256_GCM_16, 125_000_000)),
            List.of(Integrity.NONE, Integrity.HMAC_SHA1_96, Integrity.HMAC_SHA2_256_128));
    static final ImageManifest M150 = new ImageManifest(new ImageTarget(0x1172, 0xE001, 0x01, 0x0F),
            new FirmwareVersion(1, 5, 0), 1, FPGA_AES_150, List.of());
    static final ImageManifest M151 = new ImageManifest(new ImageTarget(0x1172, 0xE001, 0x01, 0x0F),
            new FirmwareVersion(1, 5, 1), 1, FPGA_AES_150, List.of("IV_REUSE"));

    static byte[] golden(String name) throws IOException {
        try (InputStream in = GoldenImageTest.class.getResourceAsStream("/golden-images/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void fpgaAes150IsWhatItsManifestAndPayloadEncodeTo() throws Exception {
        checkGolden("fpga-aes-1.5.0.img", M150, 204, 100,
                "ef15cd627b2edc7a4d52826700ad16a0a66b5b15108e8fc4b0b3e3d4619d92b5");
    }

    @Test
    void fpgaAes151WithItsModelDefect() throws Exception {
        checkGolden("fpga-aes-1.5.1-iv-reuse.img", M151, 213, 109,
                "abc5fd553cfdde1ad631b119f1a68db681faeea0bfd77b177028d70ac0122e3d");
    }

    /** Digests as {@code openssl dgst -sha256} printed them for the files. */
    private static void checkGolden(String name, ImageManifest manifest, int size, int headerLength, String digest)
            throws Exception {
        byte[] file = golden(name);
        assertThat(file).hasSize(size);
        FirmwareImage image = FirmwareImage.parse(file);
        assertThat(image.manifest()).isEqualTo(manifest);
        assertThat(image.payload()).isEqualTo(Bytes.wrap(PAYLOAD));
        assertThat(image.signature()).get().extracting(s -> s.keyId().hex()).isEqualTo(DEV_KEY_ID);
        assertThat(image.toBytes()).isEqualTo(file);
        assertThat(HexFormat.of().formatHex(image.digest())).isEqualTo(digest);
        assertThat(FirmwareImage.headerLength(file)).isEqualTo(headerLength);

        // the encoder, unsigned, writes exactly the signed part of the file
        byte[] unsigned = FirmwareImage.unsigned(manifest, PAYLOAD).signedBytes();
        int signedLength = headerLength + PAYLOAD.length;
        assertThat(unsigned).isEqualTo(Arrays.copyOf(file, signedLength));

        // the spec's field list, written independently, gives the same bytes
        RawImage raw = new RawImage();
        raw.minor = manifest.version().minor();
        raw.patch = manifest.version().patch();
        raw.rollback = 1;
        raw.ciphers = new java.util.ArrayList<>(List.of(new long[] {12, 128, 125_000_000}, new long[] {12, 256, 125_000_000},
                new long[] {20, 128, 125_000_000}, new long[] {20, 256, 125_000_000}));
        raw.integrities = new java.util.ArrayList<>(List.of(0, 2, 12));
        raw.defects = new java.util.ArrayList<>(manifest.modelDefects().stream()
                .map(d -> d.getBytes(StandardCharsets.US_ASCII)).toList());
        raw.signedWith(HexFormat.of().parseHex(DEV_KEY_ID), Arrays.copyOfRange(file, size - 64, size));
        assertThat(raw.bytes()).isEqualTo(file);

        // the device's verifier (the JDK) accepts the signature over bytes 0 .. signedLength - 1
        byte[] signature = Arrays.copyOfRange(file, size - 64, size);
        Signature verify = Signature.getInstance("Ed25519");
        verify.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pem(KEYS.resolve("nicrig-dev.pub")))));
        verify.update(file, 0, signedLength);
        assertThat(verify.verify(signature)).isTrue();
        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(pem(KEYS.resolve("nicrig-dev.pub")), 12, 44))).isEqualTo(DEV_PUBLIC);
        assertThat(HexFormat.of().formatHex(Sha256.keyId(HexFormat.of().parseHex(DEV_PUBLIC)))).isEqualTo(DEV_KEY_ID);

        // and the JDK, signing with the development key, makes the same signature the host's Bouncy Castle made
        Signature sign = Signature.getInstance("Ed25519");
        sign.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pem(KEYS.resolve("nicrig-dev.key")))));
        sign.update(unsigned);
        assertThat(sign.sign()).isEqualTo(signature);
    }

    /** FIRMWARE-IMAGE.md §8 shows every byte of fpga-aes-1.5.0.img: the dump and the file agree. */
    @Test
    void theSpecsWorkedExampleIsTheGoldenImage() throws IOException {
        String spec = Files.readString(Path.of("FIRMWARE-IMAGE.md"));
        int marker = spec.indexOf("<!-- golden-image: fpga-aes-1.5.0.img -->");
        assertThat(marker).isPositive();
        int start = spec.indexOf("```\n", marker) + 4;
        String block = spec.substring(start, spec.indexOf("```", start));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int expectedOffset = 0;
        for (String line : block.split("\n")) {
            // "0018  00 0c 00 80 07 73 59 40      cipher 0: ..." : offset, then two-digit hex groups
            assertThat(Integer.parseInt(line.substring(0, 4), 16)).as(line).isEqualTo(expectedOffset);
            String[] tokens = line.substring(6).split(" ");
            for (String t : tokens) {
                if (!t.matches("[0-9a-f]{2}")) {
                    break;
                }
                bytes.write(Integer.parseInt(t, 16));
                expectedOffset++;
            }
        }
        assertThat(bytes.toByteArray()).isEqualTo(golden("fpga-aes-1.5.0.img"));
    }

    private static byte[] pem(Path file) throws IOException {
        String text = Files.readString(file);
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }
}
