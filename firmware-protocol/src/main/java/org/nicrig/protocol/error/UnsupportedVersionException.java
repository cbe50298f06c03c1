package org.nicrig.protocol.error;

/** The frame is written in a protocol version this side does not speak. */
public final class UnsupportedVersionException extends ProtocolException {
    private final int found;
    private final int min;
    private final int max;

    public UnsupportedVersionException(long streamOffset, int found, int min, int max) {
        super(streamOffset, "protocol version " + found + " not supported (this side speaks " + min + ".." + max + ")");
        this.found = found;
        this.min = min;
        this.max = max;
    }

    public int found() { return found; }
    public int min() { return min; }
    public int max() { return max; }
}
