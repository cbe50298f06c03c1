package org.nicrig.model.eeprom;

import java.util.Arrays;
import org.nicrig.protocol.message.MacAddress;

/**
 * The 82559's serial EEPROM image: 64 16-bit words. Words 0–2 hold the MAC address (low byte
 * first in each word, as the e100 driver reads it), word 0x0B the subsystem id, word 0x0C the
 * subsystem vendor id, and word 0x3F a checksum chosen so that the sum of all 64 words is
 * 0xBABA (Intel 8255x Open Source Software Developer Manual §5.3; Linux e100.c e100_eeprom_load).
 */
public final class Eeprom82559 {
    public static final int WORDS = 64;
    public static final int CHECKSUM_WORD = 0x3F;
    public static final int CHECKSUM = 0xBABA;
    public static final int SUBSYSTEM_ID_WORD = 0x0B;
    public static final int SUBSYSTEM_VENDOR_WORD = 0x0C;

    private final int[] words = new int[WORDS];

    private Eeprom82559() {
    }

    /** A fresh image with a correct checksum. */
    public static Eeprom82559 create(MacAddress mac, int subsystemVendorId, int subsystemId) {
        Eeprom82559 e = new Eeprom82559();
        byte[] m = mac.toBytes();
        for (int i = 0; i < 3; i++) {
            e.words[i] = (m[2 * i] & 0xFF) | ((m[2 * i + 1] & 0xFF) << 8);
        }
        e.words[SUBSYSTEM_ID_WORD] = subsystemId & 0xFFFF;
        e.words[SUBSYSTEM_VENDOR_WORD] = subsystemVendorId & 0xFFFF;
        e.fixChecksum();
        return e;
    }

    /** An image as stored, e.g. read back from the device's non-volatile memory; the checksum is taken as it is. */
    public static Eeprom82559 of(int[] words) {
        if (words.length != WORDS) {
            throw new IllegalArgumentException("an 82559 EEPROM has " + WORDS + " words, not " + words.length);
        }
        Eeprom82559 e = new Eeprom82559();
        for (int i = 0; i < WORDS; i++) {
            e.words[i] = words[i] & 0xFFFF;
        }
        return e;
    }

    public synchronized int read(int word) {
        return words[checkIndex(word)];
    }

    /** Writes a word as the host asked; the checksum is the writer's business, as on hardware. */
    public synchronized void write(int word, int value) {
        words[checkIndex(word)] = value & 0xFFFF;
    }

    public synchronized boolean checksumOk() {
        return sum() == CHECKSUM;
    }

    /** Sets word 0x3F so that the words sum to 0xBABA. */
    public synchronized void fixChecksum() {
        words[CHECKSUM_WORD] = 0;
        words[CHECKSUM_WORD] = (CHECKSUM - sum()) & 0xFFFF;
    }

    private int sum() {
        int s = 0;
        for (int w : words) {
            s += w;
        }
        return s & 0xFFFF;
    }

    public synchronized MacAddress mac() {
        byte[] m = new byte[6];
        for (int i = 0; i < 3; i++) {
            m[2 * i] = (byte) words[i];
            m[2 * i + 1] = (byte) (words[i] >>> 8);
        }
        return MacAddress.fromBytes(m, 0);
    }

    public synchronized int[] snapshot() {
        return Arrays.copyOf(words, WORDS);
    }

    private static int checkIndex(int word) {
        if (word < 0 || word >= WORDS) {
            throw new IndexOutOfBoundsException("EEPROM word " + word + " outside 0.." + (WORDS - 1));
        }
        return word;
    }
}
