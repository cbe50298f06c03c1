package org.nicrig.protocol.frame;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, IEEE/ACM ToN 7(2), 1999): removes every
 * 0x00 from the data at a cost of at most one byte in 254, so 0x00 can delimit frames and a
 * receiver resynchronises at the next 0x00 whatever it lost. Decoding is streamed in
 * {@link FrameDecoder}; this is the encoder.
 */
final class Cobs {
    private Cobs() {
    }

    /** Encodes {@code src[0..length)} into {@code dst} at {@code dstOffset}; returns the end offset. */
    static int encode(byte[] src, int length, byte[] dst, int dstOffset) {
        int codeIndex = dstOffset;
        int out = dstOffset + 1;
        int code = 1;
        for (int i = 0; i < length; i++) {
            byte b = src[i];
            if (b == 0) {
                dst[codeIndex] = (byte) code;
                codeIndex = out++;
                code = 1;
            } else {
                dst[out++] = b;
                code++;
                if (code == 0xFF) {
                    dst[codeIndex] = (byte) code;
                    codeIndex = out++;
                    code = 1;
                }
            }
        }
        dst[codeIndex] = (byte) code;
        return out;
    }
}
