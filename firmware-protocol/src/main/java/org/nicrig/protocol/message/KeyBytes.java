package org.nicrig.protocol.message;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Key material. Equal by content, but {@link #toString()} never shows the bytes, so a key
 * inside a message, an exception or a log line stays secret (design invariant 5).
 */
public final class KeyBytes {
    public static final KeyBytes NONE = new KeyBytes(new byte[0]);

    private final byte[] bytes;

    private KeyBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static KeyBytes of(byte[] bytes) {
        return bytes.length == 0 ? NONE : new KeyBytes(bytes.clone());
    }

    public static KeyBytes fromHex(String hex) {
        return of(java.util.HexFormat.of().parseHex(hex.replaceAll("\\s", "")));
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** A copy of the secret; the caller is responsible for not logging it. */
    public byte[] reveal() {
        return bytes.clone();
    }

    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        // constant time: equality of keys is not a timing oracle
        return o instanceof KeyBytes other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "KeyBytes[" + bytes.length + " bytes, redacted]";
    }
}
