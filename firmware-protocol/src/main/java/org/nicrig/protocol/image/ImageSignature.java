package org.nicrig.protocol.image;

import java.util.Objects;
import org.nicrig.protocol.message.Bytes;

/**
 * The trailer of a signed image (FIRMWARE-IMAGE.md §5): the algorithm, which key signed (the
 * first 8 bytes of SHA-256 of its 32-byte public key, so a refusal can say "signed by X, device
 * trusts Y"), and the signature over the header and payload.
 */
public record ImageSignature(int algorithm, Bytes keyId, Bytes signature) {
    /** RFC 8032 Ed25519 (pure, no pre-hash, empty context). */
    public static final int ED25519 = 1;
    public static final int KEY_ID_LENGTH = 8;
    public static final int ED25519_LENGTH = 64;

    public ImageSignature {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        if (algorithm != ED25519) {
            throw new IllegalArgumentException("unknown signature algorithm " + algorithm + " (1 = Ed25519)");
        }
        if (keyId.length() != KEY_ID_LENGTH || signature.length() != ED25519_LENGTH) {
            throw new IllegalArgumentException("Ed25519 trailer needs an 8-byte key id and a 64-byte signature, got "
                    + keyId.length() + " and " + signature.length());
        }
    }

    public static ImageSignature ed25519(byte[] keyId, byte[] signature) {
        return new ImageSignature(ED25519, Bytes.copyOf(keyId), Bytes.copyOf(signature));
    }
}
