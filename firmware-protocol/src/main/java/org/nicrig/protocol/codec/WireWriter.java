package org.nicrig.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.MacAddress;

/**
 * Big-endian writes, either into an array of its own that grows, or straight into a caller's
 * buffer up to a limit (the frame encoder's, so a payload is written once). Values out of a
 * field's range, and payloads over the limit, are programming errors.
 */
final class WireWriter {
    private final boolean growable;
    private final int start;
    private byte[] buf;
    private int pos;
    private int limit;

    private WireWriter(byte[] buf, int start, int limit, boolean growable) {
        this.buf = buf;
        this.start = start;
        this.pos = start;
        this.limit = limit;
        this.growable = growable;
    }

    static WireWriter growable(int capacity) {
        byte[] b = new byte[Math.max(16, capacity)];
        return new WireWriter(b, 0, b.length, true);
    }

    /** Writes into {@code buffer} from {@code offset}, at most {@code maxLength} bytes. */
    static WireWriter over(byte[] buffer, int offset, int maxLength) {
        return new WireWriter(buffer, offset, Math.min(buffer.length, offset + maxLength), false);
    }

    private void room(int n) {
        if (limit - pos < n) {
            if (!growable) {
                throw new IllegalArgumentException("payload exceeds " + (limit - start) + " bytes");
            }
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            limit = buf.length;
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

    WireWriter mac(MacAddress mac) {
        room(MacAddress.LENGTH);
        mac.writeTo(buf, pos);
        pos += MacAddress.LENGTH;
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

    int length() {
        return pos - start;
    }

    /** The bytes written, in an array of exactly that length (growable writers only). */
    byte[] toArray() {
        return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
    }

    private static void check(long v, long max, String field) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(field + " = " + v + " does not fit its field (0.." + max + ")");
        }
    }
}
