package org.nicrig.host.firmware;

import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.nicrig.protocol.message.Bytes;

/**
 * An Ed25519 private key (RFC 8032 §5.1.5: a 32-byte secret seed) with Bouncy Castle behind it.
 * Its bytes never leave this class except into a key file ({@link KeyPem}); {@link #toString}
 * shows only the key id (design invariant 5).
 */
public final class SigningKey {
    private final Ed25519PrivateKeyParameters key;
    private final VerifyingKey publicKey;

    private SigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
        this.publicKey = VerifyingKey.of(key.generatePublicKey().getEncoded());
    }

    /** A fresh key from {@code random} (BC's Ed25519KeyPairGenerator). */
    public static SigningKey generate(SecureRandom random) {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new SigningKey((Ed25519PrivateKeyParameters) pair.getPrivate());
    }

    /** The key whose 32-byte secret is {@code seed} (RFC 8032's "SECRET KEY"). */
    public static SigningKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes, got " + seed.length);
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    public VerifyingKey publicKey() {
        return publicKey;
    }

    public Bytes keyId() {
        return publicKey.keyId();
    }

    /** RFC 8032 §5.1.6 signature (pure Ed25519, no context): deterministic, 64 bytes. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** The 32-byte seed, for {@link KeyPem} only. */
    byte[] seed() {
        return key.getEncoded();
    }

    @Override
    public String toString() {
        return "Ed25519 signing key, key id " + keyId().hex();
    }
}
