package org.nicrig.protocol.error;

/** The delimiter came before the frame was complete (a lost byte, or a frame cut short). */
public final class TruncatedFrameException extends ProtocolException {
    public TruncatedFrameException(long streamOffset, String what) {
        super(streamOffset, "truncated frame: " + what);
    }
}
