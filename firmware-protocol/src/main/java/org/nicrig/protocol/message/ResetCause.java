package org.nicrig.protocol.message;

/** Why a device reset (RESET event). After any reset the SA table is empty. */
public enum ResetCause {
    POWER_ON(0), HOST_REQUEST(1), WATCHDOG(2), FAULT(3), FIRMWARE_ACTIVATE(4);

    private final int code;

    ResetCause(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ResetCause fromCode(int code) {
        for (ResetCause c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
