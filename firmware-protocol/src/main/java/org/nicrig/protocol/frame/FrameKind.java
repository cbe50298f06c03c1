package org.nicrig.protocol.frame;

/** The two low bits of the first header byte: who sent the frame and why. */
public enum FrameKind {
    /** Host to device; answered by exactly one RESPONSE with the same sequence number. */
    REQUEST(0),
    /** Device to host; echoes the request's sequence number. */
    RESPONSE(1),
    /** Device to host, unsolicited; numbered in the device's own event sequence space. */
    EVENT(2);

    private final int bits;

    FrameKind(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    /** Null for the reserved value 3. */
    public static FrameKind fromBits(int bits) {
        return switch (bits) {
            case 0 -> REQUEST;
            case 1 -> RESPONSE;
            case 2 -> EVENT;
            default -> null;
        };
    }
}
