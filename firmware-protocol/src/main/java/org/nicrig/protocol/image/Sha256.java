package org.nicrig.protocol.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** SHA-256 (FIPS 180-4) as the image format uses it: payload hash, image digest, key ids. */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static byte[] of(byte[] data) {
        return newDigest().digest(data);
    }

    public static byte[] of(byte[] data, int off, int len) {
        MessageDigest d = newDigest();
        d.update(data, off, len);
        return d.digest();
    }

    /** The key id of a 32-byte Ed25519 public key: the first 8 bytes of its SHA-256. */
    public static byte[] keyId(byte[] rawPublicKey) {
        if (rawPublicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + rawPublicKey.length);
        }
        return Arrays.copyOf(of(rawPublicKey), ImageSignature.KEY_ID_LENGTH);
    }
}
