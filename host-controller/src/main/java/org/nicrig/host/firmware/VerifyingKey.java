package org.nicrig.host.firmware;

import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.Bytes;

/**
 * An Ed25519 public key (RFC 8032 §5.1.5: 32 bytes), and the key id images name it by: the first
 * 8 bytes of its SHA-256 (FIRMWARE-IMAGE.md §6.2). Public, so {@link #toString} may show the id.
 */
public final class VerifyingKey {
    public static final int LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

    private final Bytes raw;
    private final Bytes keyId;
    private final Ed25519PublicKeyParameters key;

    private VerifyingKey(byte[] raw, Ed25519PublicKeyParameters key) {
        this.raw = Bytes.copyOf(raw);
        this.keyId = Bytes.wrap(Sha256.keyId(raw));
        this.key = key;
    }

    /**
     * From the 32-byte encoding (RFC 8032 §5.1.2).
     *
     * @throws IllegalArgumentException not 32 bytes, or not the encoding of a point on the curve
     */
    public static VerifyingKey of(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + raw.length);
        }
        try {
            return new VerifyingKey(raw, new Ed25519PublicKeyParameters(raw, 0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: the 32 bytes are not a point on the curve");
        }
    }

    public static VerifyingKey fromHex(String hex) {
        return of(Bytes.fromHex(hex).toArray());
    }

    /** The 32 bytes. */
    public Bytes raw() {
        return raw;
    }

    /** The first 8 bytes of SHA-256 of {@link #raw()}. */
    public Bytes keyId() {
        return keyId;
    }

    /** RFC 8032 §5.1.7 verification (pure Ed25519, no context), by Bouncy Castle. */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyingKey k && k.raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw);
    }

    @Override
    public String toString() {
        return "Ed25519 public key, key id " + keyId.hex();
    }
}
