package org.nicrig.protocol.message;

/** Why a device refused a request (ERROR replies and events, PROTOCOL.md §6). */
public enum ErrorCode {
    UNSUPPORTED_VERSION(0x0001),
    UNKNOWN_TYPE(0x0002),
    MALFORMED(0x0003),
    /** The device lacks the capability (e.g. an ESP job to a device without an engine). */
    NOT_CAPABLE(0x0004),
    /** More jobs outstanding than the credits the device advertised. */
    NO_CREDITS(0x0005),
    SA_TABLE_FULL(0x0006),
    SA_SLOT_INVALID(0x0007),
    SA_SLOT_IN_USE(0x0008),
    UNSUPPORTED_ALGORITHM(0x0009),
    BAD_KEY_LENGTH(0x000A),
    ENGINE_FAILED(0x000B),
    /** A frame arrived damaged (event only): the host may resend what it was waiting for. */
    BAD_FRAME(0x000C),
    EEPROM_RANGE(0x000D),
    REGISTER_ADDRESS(0x000E),
    JOB_TOO_LARGE(0x000F),
    /** TRANSMIT while the member's link is down: the frame did not leave. */
    LINK_DOWN(0x0010),
    FW_NOT_STARTED(0x0020),
    FW_BAD_OFFSET(0x0021),
    FW_TOO_LARGE(0x0022),
    FW_DIGEST_MISMATCH(0x0023),
    FW_BAD_SIGNATURE(0x0024),
    FW_WRONG_TARGET(0x0025),
    FW_ROLLBACK(0x0026),
    FW_BAD_IMAGE(0x0027),
    INTERNAL(0x00FF);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ErrorCode fromCode(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
