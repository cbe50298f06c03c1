package org.nicrig.protocol.codec;

import java.nio.charset.StandardCharsets;
import org.nicrig.protocol.error.BadLengthException;
import org.nicrig.protocol.error.MalformedMessageException;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.KeyBytes;

/** Big-endian reads from a payload; running past the end names the field, its offset and the shortfall. */
final class WireReader {
    private final byte[] buf;
    private final long streamOffset;
    private final String message;
    private int pos;

    WireReader(byte[] buf, long streamOffset, String message) {
        this.buf = buf;
        this.streamOffset = streamOffset;
        this.message = message;
    }

    private void need(int n, String field) throws BadLengthException {
        if (buf.length - pos < n) {
            throw new BadLengthException(streamOffset, message + "." + field + " at payload offset " + pos + " needs "
                    + n + " byte(s), " + (buf.length - pos) + " left");
        }
    }

    int u8(String field) throws BadLengthException {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    int u16(String field) throws BadLengthException {
        need(2, field);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32(String field) throws BadLengthException {
        need(4, field);
        long v = ((buf[pos] & 0xFFL) << 24) | ((buf[pos + 1] & 0xFFL) << 16) | ((buf[pos + 2] & 0xFFL) << 8) | (buf[pos + 3] & 0xFFL);
        pos += 4;
        return v;
    }

    long u64(String field) throws BadLengthException {
        need(8, field); // checked whole, so a short field is named at its own offset with its own size
        long hi = u32(field);
        return (hi << 32) | u32(field);
    }

    byte[] raw(int n, String field) throws BadLengthException {
        need(n, field);
        byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    Bytes bytes(int n, String field) throws BadLengthException {
        return Bytes.wrap(raw(n, field));
    }

    /** A u8 length followed by that many bytes. */
    Bytes bytes8(String field) throws BadLengthException {
        return bytes(u8(field + ".length"), field);
    }

    KeyBytes key8(String field) throws BadLengthException {
        byte[] k = raw(u8(field + ".length"), field);
        KeyBytes key = KeyBytes.of(k);
        java.util.Arrays.fill(k, (byte) 0);
        return key;
    }

    /** The bytes left, without a copy: the frame's payload array is owned by the frame and never changes. */
    Bytes rest() {
        Bytes b = Bytes.wrap(buf, pos, buf.length - pos);
        pos = buf.length;
        return b;
    }

    String utf8Rest() {
        String s = new String(buf, pos, buf.length - pos, StandardCharsets.UTF_8);
        pos = buf.length;
        return s;
    }

    /** A u8 length and that many printable ASCII bytes; any other byte is refused, not replaced. */
    String ascii8(String field) throws BadLengthException, MalformedMessageException {
        int n = u8(field + ".length");
        need(n, field);
        for (int i = pos; i < pos + n; i++) {
            if (!org.nicrig.protocol.message.Counter.printableAscii(buf[i] & 0xFF)) {
                throw malformed(field, String.format("byte 0x%02x at payload offset %d is not printable ASCII", buf[i] & 0xFF, i));
            }
        }
        String s = new String(buf, pos, n, StandardCharsets.US_ASCII);
        pos += n;
        return s;
    }

    int position() {
        return pos;
    }

    void end() throws BadLengthException {
        if (pos != buf.length) {
            throw new BadLengthException(streamOffset, message + " has " + (buf.length - pos) + " byte(s) after its last field (payload offset " + pos + ")");
        }
    }

    MalformedMessageException malformed(String field, String what) {
        return new MalformedMessageException(streamOffset, message + "." + field + ": " + what);
    }
}
