package org.nicrig.host.eeprom;

import java.util.ArrayList;
import java.util.List;
import org.nicrig.protocol.message.MacAddress;

/**
 * The 64 16-bit words of an 82559's serial EEPROM. Words 0–2 hold the MAC address, first octet in
 * the low byte of word 0 (PROTOCOL.md §5.19); word 0x0B the subsystem id and 0x0C the subsystem
 * vendor id (Intel 8255x Open Source Software Developer Manual, EEPROM map); word 63 (0x3F) a
 * checksum chosen so that all 64 words sum to 0xBABA modulo 2¹⁶ (the same manual; Linux
 * drivers/net/ethernet/intel/e100.c, e100_eeprom_load: "the sum of words should be 0xBABA", and
 * e100_eeprom_save, which writes the changed words and then recomputes word 63).
 */
public record EepromImage(List<Integer> words) {
    public static final int WORDS = 64;
    public static final int CHECKSUM_WORD = 63;
    public static final int CHECKSUM = 0xBABA;
    public static final int SUBSYSTEM_ID_WORD = 0x0B;
    public static final int SUBSYSTEM_VENDOR_WORD = 0x0C;
    /** The words that hold the MAC address. */
    public static final List<Integer> MAC_WORDS = List.of(0, 1, 2);

    public EepromImage {
        words = List.copyOf(words);
        if (words.size() != WORDS) {
            throw new IllegalArgumentException("an 82559 EEPROM has " + WORDS + " words, not " + words.size());
        }
        for (int w : words) {
            checkValue(w);
        }
    }

    public int word(int index) {
        return words.get(checkIndex(index));
    }

    /** All 64 words summed modulo 2¹⁶: 0xBABA when the checksum is right. */
    public int sum() {
        int s = 0;
        for (int w : words) {
            s += w;
        }
        return s & 0xFFFF;
    }

    public boolean checksumOk() {
        return sum() == CHECKSUM;
    }

    /** The value word 63 must hold for the sum to be 0xBABA (e100_eeprom_save's computation). */
    public int correctChecksumWord() {
        int s = 0;
        for (int i = 0; i < CHECKSUM_WORD; i++) {
            s += words.get(i);
        }
        return (CHECKSUM - s) & 0xFFFF;
    }

    public EepromImage with(int index, int value) {
        checkIndex(index);
        checkValue(value);
        List<Integer> w = new ArrayList<>(words);
        w.set(index, value);
        return new EepromImage(w);
    }

    /** This image with word 63 set so that the words sum to 0xBABA. */
    public EepromImage withChecksumFixed() {
        return with(CHECKSUM_WORD, correctChecksumWord());
    }

    public MacAddress mac() {
        byte[] b = new byte[MacAddress.LENGTH];
        for (int i = 0; i < 3; i++) {
            b[2 * i] = (byte) words.get(i).intValue();
            b[2 * i + 1] = (byte) (words.get(i) >>> 8);
        }
        return MacAddress.fromBytes(b, 0);
    }

    /** Words 0–2 for {@code mac}: 00:90:27:0a:0b:0c is 0x9000, 0x0A27, 0x0C0B (PROTOCOL.md §5.19). */
    public static List<Integer> macWords(MacAddress mac) {
        byte[] b = mac.toBytes();
        List<Integer> out = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            out.add((b[2 * i] & 0xFF) | (b[2 * i + 1] & 0xFF) << 8);
        }
        return out;
    }

    public int subsystemId() {
        return words.get(SUBSYSTEM_ID_WORD);
    }

    public int subsystemVendorId() {
        return words.get(SUBSYSTEM_VENDOR_WORD);
    }

    static int checkIndex(int index) {
        if (index < 0 || index >= WORDS) {
            throw new IllegalArgumentException("EEPROM word " + index + " is outside 0.." + (WORDS - 1));
        }
        return index;
    }

    private static void checkValue(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(String.format("EEPROM word value 0x%x is outside 0x0000..0xffff", value));
        }
    }
}
