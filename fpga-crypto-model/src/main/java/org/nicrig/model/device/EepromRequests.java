package org.nicrig.model.device;

import java.util.ArrayList;
import java.util.List;
import org.nicrig.model.eeprom.Eeprom82559;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.EepromData;
import org.nicrig.protocol.message.EepromRead;
import org.nicrig.protocol.message.EepromWrite;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.MessageType;
import org.nicrig.protocol.message.Response;

/**
 * EEPROM_READ and EEPROM_WRITE against the image: a range past word 63 is refused whole, and a
 * write is taken as given — the 0xBABA checksum is the writer's business, as on the part, and a
 * wrong one shows at the next IDENTIFY.
 */
final class EepromRequests {
    private EepromRequests() {
    }

    static Response read(Eeprom82559 eeprom, EepromRead r) {
        if (r.wordOffset() + r.wordCount() > Eeprom82559.WORDS) {
            return outside(MessageType.EEPROM_READ, r.wordOffset(), r.wordCount());
        }
        List<Integer> words = new ArrayList<>();
        for (int i = 0; i < r.wordCount(); i++) {
            words.add(eeprom.read(r.wordOffset() + i));
        }
        return new EepromData(r.wordOffset(), words);
    }

    static Response write(Eeprom82559 eeprom, EepromWrite w) {
        if (w.wordOffset() + w.words().size() > Eeprom82559.WORDS) {
            return outside(MessageType.EEPROM_WRITE, w.wordOffset(), w.words().size());
        }
        for (int i = 0; i < w.words().size(); i++) {
            eeprom.write(w.wordOffset() + i, w.words().get(i));
        }
        return new Ack(MessageType.EEPROM_WRITE);
    }

    private static ErrorReply outside(MessageType type, int offset, int count) {
        return new ErrorReply(type, ErrorCode.EEPROM_RANGE,
                "words " + offset + ".." + (offset + count - 1) + " outside 0.." + (Eeprom82559.WORDS - 1));
    }
}
