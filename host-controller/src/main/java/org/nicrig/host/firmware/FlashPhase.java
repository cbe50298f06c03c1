package org.nicrig.host.firmware;

/** Where a flash is (PROTOCOL.md §5.21), in order. */
public enum FlashPhase {
    /** The host's own check of the image before anything is sent. */
    PRECHECK("precheck"),
    /** FW_BEGIN: the device erases its inactive slot. */
    BEGIN("FW_BEGIN"),
    /** FW_CHUNK: the image, in order. */
    CHUNK("FW_CHUNK"),
    /** FW_COMMIT: length, digest, format, signature, target and rollback checked. */
    COMMIT("FW_COMMIT"),
    /** FW_ACTIVATE: the device reboots into the new slot. */
    ACTIVATE("FW_ACTIVATE"),
    /** Waiting for the RESET event, then HELLO and IDENTIFY again. */
    REBOOT("reboot");

    private final String label;

    FlashPhase(String label) {
        this.label = label;
    }

    /** How messages name it: the request's name, or "precheck" / "reboot". */
    public String label() {
        return label;
    }

    /** Before FW_ACTIVATE was acknowledged nothing has changed what the device boots. */
    public boolean beforeActivate() {
        return compareTo(ACTIVATE) < 0;
    }
}
