package org.nicrig.protocol.error;

/**
 * Bad bytes from the other end. Every subtype says what broke, where in the stream (the offset
 * of the frame's first byte, counted from the start of the stream), and what was expected.
 * Checked, because it is about input, not a programming error.
 */
public abstract sealed class ProtocolException extends Exception
        permits BadCrcException, FrameTooLongException, TruncatedFrameException, UnknownTypeException,
                BadLengthException, UnsupportedVersionException, MalformedMessageException {

    private final long streamOffset;

    protected ProtocolException(long streamOffset, String what) {
        super("at stream offset " + streamOffset + ": " + what);
        this.streamOffset = streamOffset;
    }

    /** Offset in the byte stream of the first byte of the offending frame. */
    public long streamOffset() {
        return streamOffset;
    }
}
