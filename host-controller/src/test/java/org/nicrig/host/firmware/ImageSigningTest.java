package org.nicrig.host.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageFormatException;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageSignature;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/** ImageSigner and ImageVerifier: each outcome, and the device's own verifier (the JDK's) agreeing. */
class ImageSigningTest {
    static final ImageManifest MANIFEST = new ImageManifest(new ImageTarget(0x1172, 0xE001, 0x01, 0x0F),
            new FirmwareVersion(1, 5, 0), 1,
            new ImageCapabilities(true, true, List.of(new CipherRate(Cipher.AES_128_CBC, 125_000_000)),
                    List.of(Integrity.HMAC_SHA1_96)), List.of());
    static final FirmwareImage UNSIGNED = FirmwareImage.unsigned(MANIFEST,
            "stand-in for an FPGA bitstream\n".getBytes(StandardCharsets.US_ASCII));

    static SigningKey dev() throws IOException {
        return KeyFiles.readPrivate(KeyFilesTest.DEV_KEY);
    }

    @Test
    void signedBySomeoneTrustedVerifies() throws IOException {
        FirmwareImage signed = new ImageSigner(dev()).sign(UNSIGNED);
        assertThat(signed.signature()).get().extracting(ImageSignature::keyId).isEqualTo(Bytes.fromHex("ec7cda9ecd741a14"));
        assertThat(signed.manifest()).isEqualTo(UNSIGNED.manifest());
        assertThat(signed.signedBytes()).isEqualTo(UNSIGNED.signedBytes());
        Verification v = new ImageVerifier(KeyFiles.readPublic(KeyFilesTest.DEV_PUB)).verify(signed);
        assertThat(v).isEqualTo(new Verification.Verified(Bytes.fromHex("ec7cda9ecd741a14")));
        assertThat(v.ok()).isTrue();
        assertThat(v.reason()).isEqualTo("signed by key id ec7cda9ecd741a14");
    }

    @Test
    void signingIsDeterministicAndReplacesAnEarlierSignature() throws IOException {
        ImageSigner signer = new ImageSigner(dev());
        FirmwareImage once = signer.sign(UNSIGNED);
        assertThat(signer.sign(UNSIGNED).toBytes()).isEqualTo(once.toBytes());
        FirmwareImage other = new ImageSigner(SigningKey.fromSeed(new byte[32])).sign(UNSIGNED);
        assertThat(signer.sign(other).toBytes()).isEqualTo(once.toBytes());
    }

    @Test
    void unsigned() throws IOException {
        Verification v = new ImageVerifier(KeyFiles.readPublic(KeyFilesTest.DEV_PUB)).verify(UNSIGNED);
        assertThat(v).isInstanceOf(Verification.Unsigned.class);
        assertThat(v.ok()).isFalse();
        assertThat(v.reason()).isEqualTo("unsigned");
    }

    @Test
    void signedByAnotherKey() throws IOException {
        SigningKey other = SigningKey.fromSeed(Rfc8032Vectors.all().get(0).secretKey());
        Verification v = new ImageVerifier(KeyFiles.readPublic(KeyFilesTest.DEV_PUB)).verify(new ImageSigner(other).sign(UNSIGNED));
        assertThat(v.ok()).isFalse();
        assertThat(v.reason()).isEqualTo("signed by key id 21fe31dfa154a261, not by key id ec7cda9ecd741a14");
    }

    @Test
    void changedAfterSigning() throws IOException {
        FirmwareImage signed = new ImageSigner(dev()).sign(UNSIGNED);
        ImageVerifier verifier = new ImageVerifier(KeyFiles.readPublic(KeyFilesTest.DEV_PUB));
        // a new rollback counter under the old signature (a header change the format itself cannot see)
        ImageManifest m = MANIFEST;
        FirmwareImage rolledBack = new FirmwareImage(new ImageManifest(m.target(), m.version(), 0, m.capabilities(),
                m.modelDefects()), signed.payload(), signed.signature());
        assertThat(verifier.verify(rolledBack)).isEqualTo(new Verification.BadSignature(Bytes.fromHex("ec7cda9ecd741a14")));
        assertThat(verifier.verify(rolledBack).reason()).startsWith("bad signature: the trailer names key id ec7cda9ecd741a14");
        // another payload (with its own, correct hash)
        FirmwareImage otherPayload = new FirmwareImage(m, Bytes.wrap(new byte[] {1, 2, 3}), signed.signature());
        assertThat(verifier.verify(otherPayload).ok()).isFalse();
        // a signature with one bit flipped
        byte[] bad = signed.signature().get().signature().toArray();
        bad[40] ^= 0x04;
        FirmwareImage flipped = signed.withSignature(ImageSignature.ed25519(Bytes.fromHex("ec7cda9ecd741a14").toArray(), bad));
        assertThat(verifier.verify(flipped)).isInstanceOf(Verification.BadSignature.class);
    }

    /** The device model verifies with the JDK over the bytes it received: it must agree with the host. */
    @Test
    void theJdkVerifiesTheHostsSignatureOverTheImageBytes() throws IOException, GeneralSecurityException, ImageFormatException {
        byte[] image = new ImageSigner(dev()).sign(UNSIGNED).toBytes();
        int signedLength = image.length - 1 - 8 - 64;
        byte[] signedPart = java.util.Arrays.copyOf(image, signedLength);
        byte[] signature = java.util.Arrays.copyOfRange(image, image.length - 64, image.length);
        PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                java.util.Base64.getMimeDecoder().decode(java.nio.file.Files.readString(KeyFilesTest.DEV_PUB)
                        .replaceAll("-----[A-Z ]+-----", ""))));
        assertThat(Rfc8032Test.jdkVerify(pub, signedPart, signature)).isTrue();
        assertThat(FirmwareImage.parse(image).signedBytes()).isEqualTo(signedPart);
        signedPart[20] ^= 1; // the rollback counter
        assertThat(Rfc8032Test.jdkVerify(pub, signedPart, signature)).isFalse();
    }

    @Test
    void keysDoNotShowTheirSecret() throws IOException {
        assertThat(dev().toString()).doesNotContain("368d05c7").contains("ec7cda9ecd741a14");
        assertThat(new ImageSigner(dev()).toString()).doesNotContain("368d05c7");
    }
}
