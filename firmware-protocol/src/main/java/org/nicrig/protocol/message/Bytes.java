package org.nicrig.protocol.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality, so that messages holding payloads can be
 * records that compare by content. {@link #wrap} takes ownership of the array without a copy
 * (the codec's hot path); callers that keep using their array use {@link #copyOf}.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership: the caller must not change {@code bytes} afterwards. */
    public static Bytes wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    public static Bytes copyOf(byte[] bytes) {
        return wrap(bytes.clone());
    }

    public static Bytes copyOf(byte[] bytes, int offset, int length) {
        return wrap(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    public static Bytes fromHex(String hex) {
        return wrap(HEX.parseHex(hex.replaceAll("\\s", "")));
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public byte get(int index) {
        return bytes[index];
    }

    /** A fresh copy; the value itself never changes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    /** Copies into {@code dst} at {@code offset}, without an intermediate array. */
    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 32 ? hex() : hex().substring(0, 64) + "…(" + bytes.length + " bytes)";
    }
}
