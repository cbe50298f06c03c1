package org.nicrig.protocol.message;

import java.util.EnumSet;
import java.util.Set;

/**
 * Message types and their wire codes (PROTOCOL.md §5). A response carries its request's type
 * code, except that both job requests are answered by {@link #JOB_RESULT}. The lookup table is
 * built once; a duplicate code fails class initialisation, so it cannot ship.
 */
public enum MessageType {
    HELLO(0x01),
    IDENTIFY(0x02),
    SELF_TEST(0x03),
    HEARTBEAT(0x04),
    RESET(0x05),
    STATS(0x06),
    SA_ADD(0x10),
    SA_DELETE(0x11),
    ENCRYPT_JOB(0x20),
    DECRYPT_JOB(0x21),
    JOB_RESULT(0x22),
    TRANSMIT(0x30),
    SET_MAC(0x31),
    RESTORE_MAC(0x32),
    FRAME_RECEIVED(0x40),
    LINK(0x41),
    REG_READ(0x50),
    REG_WRITE(0x51),
    EEPROM_READ(0x52),
    EEPROM_WRITE(0x53),
    FW_BEGIN(0x60),
    FW_CHUNK(0x61),
    FW_COMMIT(0x62),
    FW_ACTIVATE(0x63),
    FAULT(0x70),
    ERROR(0x7F);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType t : values()) {
            if (BY_CODE[t.code] != null) {
                throw new IllegalStateException("duplicate wire code 0x" + Integer.toHexString(t.code)
                        + " for " + BY_CODE[t.code] + " and " + t);
            }
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Null for a code no message has. */
    public static MessageType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Requests that may be sent again after a timeout without changing the device's state twice. */
    public static final Set<MessageType> IDEMPOTENT = EnumSet.of(
            HELLO, IDENTIFY, SELF_TEST, HEARTBEAT, STATS, REG_READ, EEPROM_READ, SET_MAC, RESTORE_MAC);
}
