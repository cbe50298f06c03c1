package org.nicrig.protocol.frame;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, IEEE/ACM ToN 7(2), 1999): removes every
 * 0x00 from the data at a cost of at most one byte in 254, plus one, so 0x00 can delimit frames
 * and a receiver resynchronises at the next 0x00 whatever it lost. Decoding is streamed in
 * {@link FrameDecoder}; this is the encoder.
 *
 * <p>The output is that of the paper's StuffData: every block but the last ends where the data
 * had a zero (code = 1 + its length) or after 254 non-zero bytes (code 0xFF, no zero implied),
 * and the last block is always written, so data ending in a full 254-byte block gets a final
 * code 0x01 (PROTOCOL.md §2.2).
 */
final class Cobs {
    static final int MAX_BLOCK = 254;

    private Cobs() {
    }

    /** Encodes {@code src[from, to)} into {@code dst} at {@code dstOffset}; returns the end offset. */
    static int encode(byte[] src, int from, int to, byte[] dst, int dstOffset) {
        int out = dstOffset;
        int i = from;
        while (true) {
            int limit = Math.min(to, i + MAX_BLOCK);
            int zero = ZeroScan.indexOfZero(src, i, limit);
            int n = zero - i;
            dst[out] = (byte) (n + 1);
            System.arraycopy(src, i, dst, out + 1, n);
            out += n + 1;
            if (zero < limit) {
                i = zero + 1;       // the zero is the block's end; data ending in a zero gets a final empty block
            } else if (n == MAX_BLOCK) {
                i = zero;           // a full block (code 0xFF) implies no zero
            } else {
                return out;         // the data ended inside this block
            }
        }
    }

    /** Encodes {@code src[0, length)}. */
    static int encode(byte[] src, int length, byte[] dst, int dstOffset) {
        return encode(src, 0, length, dst, dstOffset);
    }
}
