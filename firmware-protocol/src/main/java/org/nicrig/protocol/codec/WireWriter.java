package org.nicrig.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.KeyBytes;

/** Big-endian writes into a growing array; values out of a field's range are programming errors. */
final class WireWriter {
    private byte[] buf;
    private int pos;

    WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void room(int n) {
        if (buf.length - pos < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    WireWriter u8(long v, String field) {
        check(v, 0xFF, field);
        room(1);
        buf[pos++] = (byte) v;
        return this;
    }

    WireWriter u16(long v, String field) {
        check(v, 0xFFFF, field);
        room(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    WireWriter u32(long v, String field) {
        check(v, 0xFFFF_FFFFL, field);
        room(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    WireWriter u64(long v) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
        return this;
    }

    WireWriter raw(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    WireWriter bytes(Bytes b) {
        room(b.length());
        b.copyTo(buf, pos);
        pos += b.length();
        return this;
    }

    WireWriter bytes8(Bytes b, String field) {
        u8(b.length(), field + ".length");
        return bytes(b);
    }

    WireWriter key8(KeyBytes k, String field) {
        u8(k.length(), field + ".length");
        room(k.length());
        k.copyTo(buf, pos);
        pos += k.length();
        return this;
    }

    WireWriter utf8(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8));
    }

    WireWriter ascii8(String s, String field) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        u8(b.length, field + ".length");
        return raw(b);
    }

    byte[] toArray() {
        return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
    }

    private static void check(long v, long max, String field) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(field + " = " + v + " does not fit its field (0.." + max + ")");
        }
    }
}
