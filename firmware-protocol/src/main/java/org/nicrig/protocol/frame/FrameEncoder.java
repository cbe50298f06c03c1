package org.nicrig.protocol.frame;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Frames to bytes: header, payload and CRC-32C, COBS-encoded between two 0x00 delimiters.
 * The leading delimiter ends whatever garbage a receiver may hold, so a frame that follows noise
 * on the line still arrives (PROTOCOL.md §2.3). The frame is assembled once in a buffer of
 * {@link FrameFormat#MAX_RAW} bytes and stuffed once into another; not thread-safe: one per writer.
 */
public final class FrameEncoder {

    /** Writes a payload straight into the encoder's buffer: no intermediate array. */
    @FunctionalInterface
    public interface PayloadWriter {
        /**
         * Writes the payload into {@code buffer} from {@code offset}, at most {@code maxLength}
         * bytes, and returns its length.
         */
        int write(byte[] buffer, int offset, int maxLength);
    }

    private final byte[] raw = new byte[FrameFormat.MAX_RAW];
    private final byte[] out = new byte[FrameFormat.MAX_ENCODED];
    private final CRC32C crc = new CRC32C();

    /** Encodes into a fresh array of exactly the wire length. */
    public byte[] encode(Frame frame) {
        return encode(frame.version(), frame.flags(), frame.typeCode(), frame.sequence(), frame.payload(), 0, frame.payload().length);
    }

    public byte[] encode(int version, int flags, int typeCode, long sequence, byte[] payload, int offset, int length) {
        checkLength(length);
        System.arraycopy(payload, offset, raw, FrameFormat.HEADER_LENGTH, length);
        int n = stuff(version, flags, typeCode, sequence, length, out, 0);
        return Arrays.copyOf(out, n);
    }

    /** Encodes a frame whose payload {@code writer} writes; returns a fresh array of exactly the wire length. */
    public byte[] encode(int version, int flags, int typeCode, long sequence, PayloadWriter writer) {
        int length = writer.write(raw, FrameFormat.HEADER_LENGTH, FrameFormat.MAX_PAYLOAD);
        checkLength(length);
        int n = stuff(version, flags, typeCode, sequence, length, out, 0);
        return Arrays.copyOf(out, n);
    }

    /**
     * Encodes into {@code dst} at {@code dstOffset}, which must have room for
     * {@link FrameFormat#maxEncodedLength(int)} bytes; returns the number of bytes written.
     */
    public int encode(int version, int flags, int typeCode, long sequence, byte[] payload, int offset, int length,
                      byte[] dst, int dstOffset) {
        checkLength(length);
        System.arraycopy(payload, offset, raw, FrameFormat.HEADER_LENGTH, length);
        return stuff(version, flags, typeCode, sequence, length, dst, dstOffset);
    }

    private static void checkLength(int length) {
        if (length < 0 || length > FrameFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + length + " bytes exceeds " + FrameFormat.MAX_PAYLOAD);
        }
    }

    /** Header into raw[0, 8), CRC after the payload already in raw, then 00 | COBS | 00 into dst. */
    private int stuff(int version, int flags, int typeCode, long sequence, int length, byte[] dst, int dstOffset) {
        if (version < FrameFormat.MIN_VERSION || version > FrameFormat.MAX_VERSION || (flags & ~0x0F) != 0
                || (typeCode & ~0xFF) != 0 || (sequence & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("header field out of range: version " + version + ", flags " + flags
                    + ", type " + typeCode + ", sequence " + sequence);
        }
        raw[0] = (byte) ((version << 4) | flags);
        raw[1] = (byte) typeCode;
        raw[2] = (byte) (sequence >>> 24);
        raw[3] = (byte) (sequence >>> 16);
        raw[4] = (byte) (sequence >>> 8);
        raw[5] = (byte) sequence;
        raw[6] = (byte) (length >>> 8);
        raw[7] = (byte) length;
        int body = FrameFormat.HEADER_LENGTH + length;
        crc.reset();
        crc.update(raw, 0, body);
        long c = crc.getValue();
        raw[body] = (byte) (c >>> 24);
        raw[body + 1] = (byte) (c >>> 16);
        raw[body + 2] = (byte) (c >>> 8);
        raw[body + 3] = (byte) c;
        dst[dstOffset] = FrameFormat.DELIMITER;
        int end = Cobs.encode(raw, 0, body + FrameFormat.CRC_LENGTH, dst, dstOffset + 1);
        dst[end] = FrameFormat.DELIMITER;
        return end + 1 - dstOffset;
    }
}
