package org.nicrig.protocol.frame;

/**
 * The numbers that define a frame on the wire (PROTOCOL.md §2). One place for each.
 *
 * <pre>
 * 0x00 | COBS( header(8) | payload(length) | CRC-32C(4) ) | 0x00
 * header: [version:4 | reserved:1 | error:1 | kind:2] [type:8] [sequence:32] [length:16], big-endian
 * </pre>
 */
public final class FrameFormat {
    private FrameFormat() {
    }

    public static final byte DELIMITER = 0x00;
    public static final int HEADER_LENGTH = 8;
    public static final int CRC_LENGTH = 4;
    /** Largest payload: a 9000-byte jumbo frame plus ESP and job overhead fits with room to spare. */
    public static final int MAX_PAYLOAD = 16 * 1024;
    /** Header + payload + CRC before COBS. */
    public static final int MAX_RAW = HEADER_LENGTH + MAX_PAYLOAD + CRC_LENGTH;
    /** COBS adds one code byte per 254 data bytes, plus one; and the two delimiters. */
    public static final int MAX_ENCODED = MAX_RAW + MAX_RAW / 254 + 1 + 2;

    public static final int MIN_VERSION = 1;
    public static final int MAX_VERSION = 15;

    /** Header byte 0, bit 2: the frame is an error reply. */
    public static final int ERROR_FLAG = 0x04;
    /** Header byte 0, bits 1-0: the {@link FrameKind}. */
    public static final int KIND_MASK = 0x03;
    /** Header byte 0, bit 3: reserved, sent as 0; a set bit makes the frame malformed. */
    public static final int RESERVED_MASK = 0x08;

    /** Worst-case encoded size of a frame with {@code payloadLength} bytes of payload. */
    public static int maxEncodedLength(int payloadLength) {
        int raw = HEADER_LENGTH + payloadLength + CRC_LENGTH;
        return raw + raw / 254 + 1 + 2;
    }
}
