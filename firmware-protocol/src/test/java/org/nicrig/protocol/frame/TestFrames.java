package org.nicrig.protocol.frame;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire bytes built field by field, so tests can write what the encoder refuses to (a header
 * length that disagrees with the payload, version 0, reserved bits) behind a valid CRC. The CRC
 * is a bitwise CRC-32C written from the spec (PROTOCOL.md §2.4), independent of the JDK class
 * the codec uses.
 */
public final class TestFrames {
    private TestFrames() {
    }

    /** Reflected Castagnoli polynomial 0x1EDC6F41 (RFC 3720 §12.1), init and xorout 0xFFFFFFFF. */
    public static long crc32c(byte[] data, int offset, int length) {
        int crc = 0xFFFF_FFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x82F6_3B78 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF_FFFFL;
    }

    /** Header (with any byte-0 value and any declared length) + payload + a valid big-endian CRC. */
    public static byte[] raw(int byte0, int type, long sequence, int declaredLength, byte[] payload) {
        byte[] raw = new byte[8 + payload.length + 4];
        raw[0] = (byte) byte0;
        raw[1] = (byte) type;
        raw[2] = (byte) (sequence >>> 24);
        raw[3] = (byte) (sequence >>> 16);
        raw[4] = (byte) (sequence >>> 8);
        raw[5] = (byte) sequence;
        raw[6] = (byte) (declaredLength >>> 8);
        raw[7] = (byte) declaredLength;
        System.arraycopy(payload, 0, raw, 8, payload.length);
        withCrc(raw);
        return raw;
    }

    /** Rewrites the last four bytes of {@code raw} as the CRC-32C of the bytes before them. */
    public static byte[] withCrc(byte[] raw) {
        int body = raw.length - 4;
        long crc = crc32c(raw, 0, body);
        raw[body] = (byte) (crc >>> 24);
        raw[body + 1] = (byte) (crc >>> 16);
        raw[body + 2] = (byte) (crc >>> 8);
        raw[body + 3] = (byte) crc;
        return raw;
    }

    /** COBS of {@code raw}, no delimiters, by the production encoder. */
    public static byte[] cobs(byte[] raw) {
        byte[] out = new byte[raw.length + raw.length / 254 + 1];
        int n = Cobs.encode(raw, raw.length, out, 0);
        return java.util.Arrays.copyOf(out, n);
    }

    /** {@code 00 | COBS(raw) | 00}. */
    public static byte[] wire(byte[] raw) {
        byte[] c = cobs(raw);
        byte[] w = new byte[c.length + 2];
        System.arraycopy(c, 0, w, 1, c.length);
        return w;
    }

    /** Undoes COBS of the bytes between a frame's delimiters; null when they are not valid COBS. */
    public static byte[] uncobs(byte[] encoded, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = from;
        while (i < to) {
            int code = encoded[i] & 0xFF;
            if (code == 0 || i + code > to) {
                return null;
            }
            out.write(encoded, i + 1, code - 1);
            i += code;
            if (code != 0xFF && i < to) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    /**
     * Positions of the COBS code bytes in a wire frame {@code 00 | COBS | 00}; every other byte
     * between the delimiters is a data byte that stands for itself.
     */
    public static List<Integer> codePositions(byte[] wire) {
        List<Integer> codes = new ArrayList<>();
        int i = 1;
        while (i < wire.length - 1) {
            codes.add(i);
            i += wire[i] & 0xFF;
        }
        return codes;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
