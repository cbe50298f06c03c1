package org.nicrig.model.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.nicrig.model.firmware.TrustedKey;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageSignature;
import org.nicrig.protocol.image.Sha256;

/**
 * An Ed25519 key that signs test images with the JDK (the host signs with Bouncy Castle; the test
 * only needs some correct signer). Either the repository's development key or one generated from
 * a seed, so a failing test can be rerun with the same key.
 */
public record SigningKey(PrivateKey privateKey, TrustedKey publicKey) {

    /** keys/nicrig-dev.key: the key every emulated device trusts unless told otherwise. */
    public static SigningKey development() {
        try {
            String pem = Files.readString(Path.of("..", "keys", "nicrig-dev.key"), StandardCharsets.US_ASCII);
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey k = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new SigningKey(k, TrustedKey.DEVELOPMENT);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read keys/nicrig-dev.key: " + e, e);
        }
    }

    /** A key pair drawn from {@code seed} (SHA1PRNG seeded before first use is deterministic). */
    public static SigningKey generate(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, r);
            KeyPair p = g.generateKeyPair();
            byte[] spki = p.getPublic().getEncoded(); // RFC 8410: the raw key is the last 32 bytes
            return new SigningKey(p.getPrivate(), TrustedKey.of(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The image with this key's signature over {@link FirmwareImage#signedBytes()}. */
    public FirmwareImage sign(FirmwareImage image) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(image.signedBytes());
            return image.withSignature(ImageSignature.ed25519(Sha256.keyId(publicKey.raw().toArray()), s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a PEM file would hold it (SubjectPublicKeyInfo, RFC 8410). */
    public String publicPem() {
        byte[] der = new byte[44];
        System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
        publicKey.raw().copyTo(der, 12);
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public String toString() {
        return "signing " + publicKey;
    }
}
