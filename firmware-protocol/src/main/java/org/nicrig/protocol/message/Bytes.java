package org.nicrig.protocol.message;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable byte string with value equality, so that messages holding payloads can be
 * records that compare by content. {@link #wrap} takes ownership of an array, or of a range of
 * one, without a copy (the codec's hot path: a decoded packet is a range of its frame's
 * payload); callers that keep using their array use {@link #copyOf}.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;
    private final int offset;
    private final int length;

    private Bytes(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /** Takes ownership: the caller must not change {@code bytes} afterwards. */
    public static Bytes wrap(byte[] bytes) {
        return wrap(bytes, 0, bytes.length);
    }

    /** Takes ownership of {@code bytes[offset, offset + length)}: the caller must not change it afterwards. */
    public static Bytes wrap(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return length == 0 ? EMPTY : new Bytes(bytes, offset, length);
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
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public byte get(int index) {
        return bytes[offset + Objects.checkIndex(index, length)];
    }

    /** A fresh copy; the value itself never changes. */
    public byte[] toArray() {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** Copies into {@code dst} at {@code dstOffset}, without an intermediate array. */
    public void copyTo(byte[] dst, int dstOffset) {
        System.arraycopy(bytes, offset, dst, dstOffset, length);
    }

    public String hex() {
        return HEX.formatHex(bytes, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other
                && Arrays.equals(bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return length <= 32 ? hex() : HEX.formatHex(bytes, offset, offset + 32) + "…(" + length + " bytes)";
    }
}
