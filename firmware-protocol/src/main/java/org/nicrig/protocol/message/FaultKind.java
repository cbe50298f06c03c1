package org.nicrig.protocol.message;

/**
 * The fault vocabulary shared by the device model, the plans and the reports: one name for one
 * fault everywhere. Wire code in FAULT requests (the emulator's control message).
 */
public enum FaultKind {
    /** The link drops; the engine keeps working (secondary use may still use it). */
    LINK_DOWN(1),
    LINK_UP(2),
    /** The engine stops answering jobs; the link stays up. */
    ENGINE_FAIL(3),
    ENGINE_RESTORE(4),
    /** The device answers nothing at all for a duration. */
    STALL(5),
    /** The device resets: SAs are lost and a RESET event says so. */
    RESET(6),
    /** Outbound bytes on the byte channel are corrupted at a rate (parts per million). */
    GARBLE(7),
    /** The byte channel closes, as when a USB-serial adapter is pulled. */
    UNPLUG(8);

    private final int code;

    FaultKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FaultKind fromCode(int code) {
        for (FaultKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
