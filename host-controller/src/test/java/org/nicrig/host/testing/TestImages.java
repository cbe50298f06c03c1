package org.nicrig.host.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageSignature;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/**
 * Firmware images for tests, signed with the development key keys/nicrig-dev.key that emulated
 * devices trust by default. Signed here with the JDK's Ed25519 (RFC 8032) so a test needs no
 * nicrig signing code; the images are built by the format's own {@link FirmwareImage}.
 */
public final class TestImages {
    public static final Path KEYS = Path.of("..", "keys");
    /** The emulated FPGA of rigs/emulated.yaml: 1172:e001 rev 0x01, factory firmware 1.4.0, counter 0. */
    public static final ImageTarget FPGA_AES = new ImageTarget(0x1172, 0xE001, 0x01, 0x0F);
    public static final ImageTarget I82559 = new ImageTarget(0x8086, 0x1229, 0x08, 0x0C);
    /** What the emulated FPGA's engine implements (fpga-crypto-model Profiles.FPGA_AES). */
    public static final ImageCapabilities FPGA_CAPS = new ImageCapabilities(true, true,
            List.of(new CipherRate(Cipher.AES_128_CBC, 125_000_000L), new CipherRate(Cipher.AES_256_CBC, 100_000_000L),
                    new CipherRate(Cipher.AES_128_GCM_16, 125_000_000L), new CipherRate(Cipher.AES_256_GCM_16, 110_000_000L)),
            List.of(Integrity.NONE, Integrity.HMAC_SHA1_96, Integrity.HMAC_SHA2_256_128));

    private TestImages() {
    }

    public static ImageManifest manifest(ImageTarget target, String version, long counter, ImageCapabilities caps,
                                         String... defects) {
        return new ImageManifest(target, FirmwareVersion.parse(version), counter, caps, List.of(defects));
    }

    /** An FPGA image of {@code version} with rollback counter {@code counter}, all its engine offers. */
    public static ImageManifest fpga(String version, long counter) {
        return manifest(FPGA_AES, version, counter, FPGA_CAPS);
    }

    public static FirmwareImage unsigned(ImageManifest m) {
        return unsigned(m, 3000); // a few chunks' worth at 512 bytes a chunk
    }

    /** {@code m} with a payload of {@code size} bytes that differ from their neighbours. */
    public static FirmwareImage unsigned(ImageManifest m, int size) {
        byte[] payload = new byte[size];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        return FirmwareImage.unsigned(m, payload);
    }

    /** {@code m} with a payload, signed with keys/nicrig-dev.key; the image file's bytes. */
    public static byte[] signed(ImageManifest m) {
        return sign(unsigned(m)).toBytes();
    }

    public static byte[] signed(ImageManifest m, int payloadSize) {
        return sign(unsigned(m, payloadSize)).toBytes();
    }

    public static FirmwareImage sign(FirmwareImage image) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(devKey());
            s.update(image.signedBytes());
            return image.withSignature(ImageSignature.ed25519(devKeyId(), s.sign()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign with " + KEYS.resolve("nicrig-dev.key"), e);
        }
    }

    /** The first 8 bytes of SHA-256 of the raw public key (FIRMWARE-IMAGE.md), from keys/nicrig-dev.pub. */
    public static byte[] devKeyId() throws IOException {
        byte[] spki = pem(KEYS.resolve("nicrig-dev.pub"));
        return Sha256.keyId(Arrays.copyOfRange(spki, spki.length - 32, spki.length)); // RFC 8410 §4: the key ends the SPKI
    }

    private static PrivateKey devKey() throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pem(KEYS.resolve("nicrig-dev.key"))));
    }

    private static byte[] pem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
