package org.nicrig.host.eeprom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionException;
import org.nicrig.protocol.message.EepromData;
import org.nicrig.protocol.message.EepromRead;
import org.nicrig.protocol.message.EepromWrite;

/**
 * Reads and writes a device's EEPROM over one session. A write is a read-modify-write in the
 * manner of Linux e100.c's e100_eeprom_save: read all 64 words, apply the change, recompute word
 * 63 so the words sum to 0xBABA, write the changed words (one EEPROM_WRITE per run of adjacent
 * words) and then word 63, and read everything back to prove it.
 */
public final class EepromEditor {
    private final DeviceSession session;

    public EepromEditor(DeviceSession session) {
        this.session = session;
    }

    /** All 64 words, in one EEPROM_READ. */
    public EepromImage read() throws SessionException {
        EepromData data = (EepromData) session.call(new EepromRead(0, EepromImage.WORDS));
        if (data.wordOffset() != 0 || data.words().size() != EepromImage.WORDS) {
            throw new IllegalStateException(session.name() + ": EEPROM_READ 0..63 answered with words "
                    + data.wordOffset() + ".." + (data.wordOffset() + data.words().size() - 1));
        }
        return new EepromImage(data.words());
    }

    /**
     * Applies {@code changes} (word → value). With {@code fixChecksum} word 63 is recomputed and
     * written too (and may not be among the changes); without it the words are written exactly as
     * given — a raw write, e.g. to give a device a bad checksum on purpose.
     *
     * @throws IllegalArgumentException a word outside 0..63 or a value outside 16 bits, or word 63
     *                                  given while the checksum is to be fixed
     * @throws EepromVerifyException    the words read back are not the ones written
     */
    public Written write(Map<Integer, Integer> changes, boolean fixChecksum) throws SessionException, EepromVerifyException {
        if (fixChecksum && changes.containsKey(EepromImage.CHECKSUM_WORD)) {
            throw new IllegalArgumentException("word 63 is the checksum, recomputed on every write");
        }
        EepromImage before = read();
        EepromImage after = before;
        for (Map.Entry<Integer, Integer> c : changes.entrySet()) {
            after = after.with(c.getKey(), c.getValue());
        }
        if (fixChecksum) {
            after = after.withChecksumFixed();
        }
        SortedMap<Integer, Integer> toWrite = new TreeMap<>();
        for (int i = 0; i < EepromImage.WORDS; i++) {
            if (before.word(i) != after.word(i)) {
                toWrite.put(i, after.word(i));
            }
        }
        List<EepromWrite> writes = runs(toWrite);
        for (EepromWrite w : writes) {
            session.call(w);
        }
        EepromImage readBack = read();
        if (!readBack.equals(after)) {
            List<String> diffs = new ArrayList<>();
            for (int i = 0; i < EepromImage.WORDS; i++) {
                if (readBack.word(i) != after.word(i)) {
                    diffs.add(String.format("word 0x%02x wrote 0x%04x read 0x%04x", i, after.word(i), readBack.word(i)));
                }
            }
            throw new EepromVerifyException(session.name() + ": EEPROM does not read back as written: " + String.join(", ", diffs));
        }
        return new Written(before, readBack, toWrite, writes.size());
    }

    /**
     * One EEPROM_WRITE per run of adjacent words, the checksum word last (e100_eeprom_save writes
     * it after the data, so a write cut short leaves a wrong checksum, which IDENTIFY shows).
     */
    static List<EepromWrite> runs(SortedMap<Integer, Integer> words) {
        List<EepromWrite> out = new ArrayList<>();
        Integer checksum = words.get(EepromImage.CHECKSUM_WORD);
        int start = -1;
        List<Integer> run = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : words.entrySet()) {
            if (e.getKey() == EepromImage.CHECKSUM_WORD) {
                continue;
            }
            if (start >= 0 && e.getKey() != start + run.size()) {
                out.add(new EepromWrite(start, run));
                run = new ArrayList<>();
            }
            if (run.isEmpty()) {
                start = e.getKey();
            }
            run.add(e.getValue());
        }
        if (!run.isEmpty()) {
            out.add(new EepromWrite(start, run));
        }
        if (checksum != null) {
            out.add(new EepromWrite(EepromImage.CHECKSUM_WORD, List.of(checksum)));
        }
        return out;
    }

    /**
     * What a write did.
     *
     * @param before   the words before
     * @param after    the words read back after
     * @param written  the words that changed, with their new values
     * @param requests how many EEPROM_WRITE requests it took
     */
    public record Written(EepromImage before, EepromImage after, SortedMap<Integer, Integer> written, int requests) {
        public Written {
            written = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(written));
        }
    }
}
