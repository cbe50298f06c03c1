package org.nicrig.protocol.frame;

import java.util.Arrays;
import java.util.zip.CRC32C;
import org.nicrig.protocol.error.BadCrcException;
import org.nicrig.protocol.error.BadLengthException;
import org.nicrig.protocol.error.FrameTooLongException;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.error.TruncatedFrameException;
import org.nicrig.protocol.error.UnsupportedVersionException;

/**
 * Bytes to frames, streaming: accepts any chunking, one byte at a time included. COBS is undone
 * as bytes arrive into one buffer of {@link FrameFormat#MAX_RAW} bytes allocated once; a frame
 * then costs one array of its own payload length. On bad bytes the decoder reports a typed
 * {@link ProtocolException} to the listener and carries on from the next delimiter, so the frame
 * after a bad one still arrives. Not thread-safe: one per reader.
 */
public final class FrameDecoder {

    /** Receives what the stream yields, in stream order. */
    public interface Listener {
        void onFrame(Frame frame);

        /** A frame was dropped; the decoder has already skipped past it. */
        void onError(ProtocolException error);
    }

    private final byte[] raw = new byte[FrameFormat.MAX_RAW];
    private final CRC32C crc = new CRC32C();
    private final Listener listener;

    private long position;      // stream offset of the next byte
    private long frameStart;    // stream offset of the current frame's first byte
    private int length;         // decoded bytes in raw
    private int code;           // current COBS block code, 0 before the first
    private int remaining;      // data bytes left in the current block
    private boolean overflow;   // too long: discarding to the next delimiter

    private long framesDecoded;
    private long framesDropped;
    private long bytesDropped;

    public FrameDecoder(Listener listener) {
        this.listener = listener;
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int count) {
        java.util.Objects.checkFromIndexSize(offset, count, bytes.length);
        int i = offset;
        int end = offset + count;
        while (i < end) {
            byte b = bytes[i];
            if (b == FrameFormat.DELIMITER) {
                i++;
                delimiter();
            } else if (overflow) {
                // too long already: skip to the next delimiter
                int zero = ZeroScan.indexOfZero(bytes, i, end);
                position += zero - i;
                i = zero;
            } else if (remaining == 0) {
                // a code byte: the block it opens holds code - 1 data bytes
                i++;
                position++;
                if (code != 0 && code != 0xFF) {
                    append((byte) 0); // the zero the previous block stood for
                }
                code = b & 0xFF;
                remaining = code - 1;
            } else {
                // inside a block: copy up to `remaining` data bytes, unless a delimiter comes first
                int zero = ZeroScan.indexOfZero(bytes, i, Math.min(end, i + remaining));
                int n = zero - i;
                append(bytes, i, n);
                remaining -= n;
                position += n;
                i = zero;
            }
        }
    }

    private void append(byte b) {
        if (length == raw.length) {
            overflow = true;
            return;
        }
        raw[length++] = b;
    }

    private void append(byte[] src, int from, int n) {
        if (raw.length - length < n) {
            overflow = true;
            return;
        }
        System.arraycopy(src, from, raw, length, n);
        length += n;
    }

    /** The delimiter at {@code position}: ends the frame since the previous one, if there was one. */
    private void delimiter() {
        long start = frameStart;
        long frameBytes = position - start;
        position++;
        frameStart = position;
        if (frameBytes == 0) {
            return; // an empty frame: back-to-back delimiters are idle fill
        }
        try {
            if (overflow) {
                throw new FrameTooLongException(start, FrameFormat.MAX_RAW);
            }
            if (remaining != 0) {
                throw new TruncatedFrameException(start, "delimiter inside a COBS block, " + remaining + " byte(s) missing");
            }
            Frame frame = check(start);
            framesDecoded++;
            listener.onFrame(frame);
        } catch (ProtocolException e) {
            framesDropped++;
            bytesDropped += frameBytes;
            listener.onError(e);
        } finally {
            length = 0;
            code = 0;
            remaining = 0;
            overflow = false;
        }
    }

    private Frame check(long frameStart) throws ProtocolException {
        int minimum = FrameFormat.HEADER_LENGTH + FrameFormat.CRC_LENGTH;
        if (length < minimum) {
            throw new TruncatedFrameException(frameStart, length + " decoded bytes, at least " + minimum + " (header and CRC) expected");
        }
        int body = length - FrameFormat.CRC_LENGTH;
        crc.reset();
        crc.update(raw, 0, body);
        long computed = crc.getValue();
        long carried = ((raw[body] & 0xFFL) << 24) | ((raw[body + 1] & 0xFFL) << 16)
                | ((raw[body + 2] & 0xFFL) << 8) | (raw[body + 3] & 0xFFL);
        if (computed != carried) {
            throw new BadCrcException(frameStart, computed, carried);
        }
        int declared = ((raw[6] & 0xFF) << 8) | (raw[7] & 0xFF);
        int present = body - FrameFormat.HEADER_LENGTH;
        if (declared != present) {
            throw new BadLengthException(frameStart, "header declares a payload of " + declared + " bytes, frame holds " + present);
        }
        int version = (raw[0] & 0xFF) >>> 4;
        if (version < FrameFormat.MIN_VERSION) {
            throw new UnsupportedVersionException(frameStart, version, FrameFormat.MIN_VERSION, FrameFormat.MAX_VERSION);
        }
        long sequence = ((raw[2] & 0xFFL) << 24) | ((raw[3] & 0xFFL) << 16) | ((raw[4] & 0xFFL) << 8) | (raw[5] & 0xFFL);
        byte[] payload = Arrays.copyOfRange(raw, FrameFormat.HEADER_LENGTH, body);
        return new Frame(version, raw[0] & 0x0F, raw[1] & 0xFF, sequence, payload, frameStart);
    }

    /** Frames delivered to the listener. */
    public long framesDecoded() { return framesDecoded; }

    /** Frames dropped with an error. */
    public long framesDropped() { return framesDropped; }

    /** Bytes belonging to dropped frames. */
    public long bytesDropped() { return bytesDropped; }

    /** Bytes fed so far. */
    public long position() { return position; }
}
