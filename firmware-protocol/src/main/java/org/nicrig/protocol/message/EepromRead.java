package org.nicrig.protocol.message;

/** Reads {@code wordCount} 16-bit EEPROM words from {@code wordOffset}. */
public record EepromRead(int wordOffset, int wordCount) implements Request {
    @Override
    public MessageType type() { return MessageType.EEPROM_READ; }
}
