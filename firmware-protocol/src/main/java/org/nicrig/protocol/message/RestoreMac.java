package org.nicrig.protocol.message;

/** Returns to the MAC address in the device's EEPROM. */
public record RestoreMac() implements Request {
    @Override
    public MessageType type() { return MessageType.RESTORE_MAC; }
}
