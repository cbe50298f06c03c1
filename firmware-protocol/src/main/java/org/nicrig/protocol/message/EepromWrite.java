package org.nicrig.protocol.message;

import java.util.List;

/** Writes 16-bit EEPROM words from {@code wordOffset}. The host keeps the 0xBABA checksum right. */
public record EepromWrite(int wordOffset, List<Integer> words) implements Request {
    public EepromWrite {
        words = List.copyOf(words);
    }

    @Override
    public MessageType type() { return MessageType.EEPROM_WRITE; }
}
