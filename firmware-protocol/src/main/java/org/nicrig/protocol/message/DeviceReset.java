package org.nicrig.protocol.message;

/** The device reset: its SA table is empty, its MAC is the EEPROM's, jobs in flight are lost. */
public record DeviceReset(ResetCause cause) implements Event {
    @Override
    public MessageType type() { return MessageType.RESET; }
}
