package org.nicrig.protocol.message;

import java.util.List;

/** EEPROM words read. */
public record EepromData(int wordOffset, List<Integer> words) implements Response {
    public EepromData {
        words = List.copyOf(words);
    }

    @Override
    public MessageType type() { return MessageType.EEPROM_READ; }
}
