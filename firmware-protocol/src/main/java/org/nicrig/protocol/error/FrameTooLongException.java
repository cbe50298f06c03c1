package org.nicrig.protocol.error;

/** More bytes arrived before a delimiter than the largest legal frame holds; they were skipped. */
public final class FrameTooLongException extends ProtocolException {
    private final int limit;

    public FrameTooLongException(long streamOffset, int limit) {
        super(streamOffset, "frame longer than the maximum of " + limit + " encoded bytes; skipped to the next delimiter");
        this.limit = limit;
    }

    public int limit() { return limit; }
}
