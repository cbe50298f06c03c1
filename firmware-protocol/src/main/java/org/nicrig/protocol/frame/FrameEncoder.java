package org.nicrig.protocol.frame;

import java.util.zip.CRC32C;

/**
 * Frames to bytes: header, payload and CRC-32C, COBS-encoded between two 0x00 delimiters.
 * The leading delimiter ends whatever garbage a receiver may hold, so a frame that follows noise
 * on the line still arrives (PROTOCOL.md §2.3). Not thread-safe: one per writer.
 */
public final class FrameEncoder {
    private final byte[] raw = new byte[FrameFormat.MAX_RAW];
    private final CRC32C crc = new CRC32C();

    /** Encodes into a fresh array of exactly the wire length. */
    public byte[] encode(Frame frame) {
        return encode(frame.version(), frame.flags(), frame.typeCode(), frame.sequence(), frame.payload(), 0, frame.payload().length);
    }

    public byte[] encode(int version, int flags, int typeCode, long sequence, byte[] payload, int offset, int length) {
        byte[] out = new byte[FrameFormat.maxEncodedLength(length)];
        int n = encode(version, flags, typeCode, sequence, payload, offset, length, out, 0);
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /**
     * Encodes into {@code out} at {@code outOffset}, which must have room for
     * {@link FrameFormat#maxEncodedLength(int)} bytes; returns the number of bytes written.
     */
    public int encode(int version, int flags, int typeCode, long sequence, byte[] payload, int offset, int length,
                      byte[] out, int outOffset) {
        if (length > FrameFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + length + " bytes exceeds " + FrameFormat.MAX_PAYLOAD);
        }
        raw[0] = (byte) ((version << 4) | (flags & 0x0F));
        raw[1] = (byte) typeCode;
        raw[2] = (byte) (sequence >>> 24);
        raw[3] = (byte) (sequence >>> 16);
        raw[4] = (byte) (sequence >>> 8);
        raw[5] = (byte) sequence;
        raw[6] = (byte) (length >>> 8);
        raw[7] = (byte) length;
        System.arraycopy(payload, offset, raw, FrameFormat.HEADER_LENGTH, length);
        int body = FrameFormat.HEADER_LENGTH + length;
        crc.reset();
        crc.update(raw, 0, body);
        long c = crc.getValue();
        raw[body] = (byte) (c >>> 24);
        raw[body + 1] = (byte) (c >>> 16);
        raw[body + 2] = (byte) (c >>> 8);
        raw[body + 3] = (byte) c;
        out[outOffset] = FrameFormat.DELIMITER;
        int end = Cobs.encode(raw, body + FrameFormat.CRC_LENGTH, out, outOffset + 1);
        out[end] = FrameFormat.DELIMITER;
        return end + 1 - outOffset;
    }
}
