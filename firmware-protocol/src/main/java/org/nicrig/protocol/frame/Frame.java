package org.nicrig.protocol.frame;

/**
 * One frame after COBS decoding and CRC check: the header fields and the payload bytes.
 * The payload array is owned by the frame and not copied again by the message codec; treat it
 * as read-only.
 *
 * @param version      protocol version the frame is written in (1..15)
 * @param flags        the low nibble of header byte 0: reserved, error and kind bits
 * @param typeCode     message type code
 * @param sequence     unsigned 32-bit sequence number
 * @param payload      payload bytes (array owned by this frame)
 * @param streamOffset offset in the receiving stream of the frame's first byte (0 when built to send)
 */
public record Frame(int version, int flags, int typeCode, long sequence, byte[] payload, long streamOffset) {

    public Frame {
        if (version < FrameFormat.MIN_VERSION || version > FrameFormat.MAX_VERSION) {
            throw new IllegalArgumentException("version must be 1..15: " + version);
        }
        if ((flags & ~0x0F) != 0) {
            throw new IllegalArgumentException("flags are a nibble: " + flags);
        }
        if (typeCode < 0 || typeCode > 0xFF) {
            throw new IllegalArgumentException("type code must be a byte: " + typeCode);
        }
        if (sequence < 0 || sequence > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sequence must be unsigned 32-bit: " + sequence);
        }
        if (payload.length > FrameFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + FrameFormat.MAX_PAYLOAD);
        }
    }

    public static Frame of(int version, FrameKind kind, boolean error, int typeCode, long sequence, byte[] payload) {
        int flags = kind.bits() | (error ? FrameFormat.ERROR_FLAG : 0);
        return new Frame(version, flags, typeCode, sequence, payload, 0);
    }

    /** Null when the kind bits hold the reserved value. */
    public FrameKind kind() {
        return FrameKind.fromBits(flags & FrameFormat.KIND_MASK);
    }

    public boolean isError() {
        return (flags & FrameFormat.ERROR_FLAG) != 0;
    }

    public boolean reservedBitSet() {
        return (flags & FrameFormat.RESERVED_MASK) != 0;
    }

    @Override
    public String toString() {
        return "Frame[v" + version + " " + kind() + (isError() ? " error" : "") + String.format(" type=0x%02x", typeCode)
                + " seq=" + sequence + " len=" + payload.length + "]";
    }
}
