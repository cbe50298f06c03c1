package org.nicrig.host.cli;

import java.io.PrintWriter;
import org.nicrig.host.eeprom.EepromImage;

/** How the EEPROM commands print words: a dump with word numbers, the decoded fields, the checksum. */
final class EepromText {
    private static final int PER_ROW = 8;

    private EepromText() {
    }

    /** Words {@code from..to}, eight to a row, each row led by its first word's number (hex). */
    static void dump(PrintWriter out, EepromImage image, int from, int to) {
        StringBuilder head = new StringBuilder("word");
        for (int i = 0; i < PER_ROW; i++) {
            head.append("   +").append(i);
        }
        out.println(head);
        for (int row = from - from % PER_ROW; row <= to; row += PER_ROW) {
            StringBuilder line = new StringBuilder(String.format("0x%02x", row));
            for (int i = row; i < row + PER_ROW; i++) {
                line.append(' ').append(i >= from && i <= to ? String.format("%04x", image.word(i)) : "    ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** MAC, subsystem ids and the checksum verdict. */
    static void decode(PrintWriter out, EepromImage image) {
        out.println("MAC address          (words 0x00-0x02): " + image.mac());
        out.printf("subsystem id         (word 0x%02x):      0x%04x%n", EepromImage.SUBSYSTEM_ID_WORD, image.subsystemId());
        out.printf("subsystem vendor id  (word 0x%02x):      0x%04x%n", EepromImage.SUBSYSTEM_VENDOR_WORD, image.subsystemVendorId());
        out.println("checksum             (word 0x3f):      " + checksum(image));
    }

    /** {@code 0x1234, the words sum to 0xbaba: correct}, or what is wrong and the value that fixes it. */
    static String checksum(EepromImage image) {
        int stored = image.word(EepromImage.CHECKSUM_WORD);
        if (image.checksumOk()) {
            return String.format("0x%04x, the 64 words sum to 0xbaba: correct", stored);
        }
        return String.format("0x%04x, the 64 words sum to 0x%04x, not 0xbaba: WRONG (word 63 = 0x%04x would fix it)",
                stored, image.sum(), image.correctChecksumWord());
    }
}
