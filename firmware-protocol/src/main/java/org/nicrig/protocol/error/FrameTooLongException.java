package org.nicrig.protocol.error;

/**
 * More bytes arrived before a delimiter than the largest legal frame decodes to (header, largest
 * payload and CRC: {@link #limit()} bytes); they were skipped up to the next delimiter.
 */
public final class FrameTooLongException extends ProtocolException {
    private final int limit;

    public FrameTooLongException(long streamOffset, int limit) {
        super(streamOffset, "frame decodes to more than the maximum of " + limit + " bytes; skipped to the next delimiter");
        this.limit = limit;
    }

    public int limit() { return limit; }
}
