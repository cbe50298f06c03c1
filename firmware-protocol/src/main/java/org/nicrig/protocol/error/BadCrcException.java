package org.nicrig.protocol.error;

/** The CRC-32C over header and payload does not match the frame's trailer. */
public final class BadCrcException extends ProtocolException {
    private final long expected;
    private final long found;

    public BadCrcException(long streamOffset, long expected, long found) {
        super(streamOffset, String.format("bad CRC-32C: computed 0x%08x, frame carries 0x%08x", expected, found));
        this.expected = expected;
        this.found = found;
    }

    public long expected() { return expected; }
    public long found() { return found; }
}
