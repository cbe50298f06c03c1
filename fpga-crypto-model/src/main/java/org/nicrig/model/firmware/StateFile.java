package org.nicrig.model.firmware;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text form of a directory memory's {@code state} file (FIRMWARE-DEVICE-RULES.md D.9): one
 * field per line, readable with {@code cat}, every field required once. Image bytes are not in it:
 * a slot that holds an image names the image's length and SHA-256, and the bytes are in a file of
 * their own named after that hash ({@link #imageFileName}).
 *
 * <pre>
 * format 1
 * boot A
 * committed no
 * rollback-floor 0
 * slot A factory
 * slot B image 4711 9f86d081884c7d65...
 * eeprom 0002 0000 0100 ... (64 words, hex)
 * </pre>
 */
final class StateFile {
    static final int FORMAT = 1;
    private static final HexFormat HEX = HexFormat.of();

    private StateFile() {
    }

    /** What the file says a slot holds; an image is only referred to. */
    sealed interface SlotRef {
        record Plain(SlotContent content) implements SlotRef {
        }

        record ImageRef(long length, byte[] sha256) implements SlotRef {
        }
    }

    /** The file's fields, slots still by reference. */
    record Parsed(Slot boot, boolean committed, long rollbackFloor, Map<Slot, SlotRef> slots, int[] eeprom) {
    }

    /** {@code slot-B-9f86d081884c7d65.img}: the slot and the first 8 bytes of the image's SHA-256. */
    static String imageFileName(Slot slot, byte[] sha256) {
        return "slot-" + slot + "-" + HEX.formatHex(sha256, 0, 8) + ".img";
    }

    static String encode(NvmState s) {
        StringBuilder b = new StringBuilder();
        b.append("# nicrig device model: non-volatile memory (firmware-protocol/FIRMWARE-DEVICE-RULES.md)\n");
        b.append("format ").append(FORMAT).append('\n');
        b.append("boot ").append(s.boot()).append('\n');
        b.append("committed ").append(s.committed() ? "yes" : "no").append('\n');
        b.append("rollback-floor ").append(s.rollbackFloor()).append('\n');
        for (Slot slot : Slot.values()) {
            b.append("slot ").append(slot).append(' ');
            SlotContent c = s.slot(slot);
            if (c instanceof SlotContent.Image i) {
                b.append("image ").append(i.bytes().length()).append(' ').append(HEX.formatHex(i.sha256()));
            } else {
                b.append(c instanceof SlotContent.Factory ? "factory" : "empty");
            }
            b.append('\n');
        }
        b.append("eeprom");
        for (int w : s.eepromWords()) {
            b.append(' ').append(String.format("%04x", w));
        }
        return b.append('\n').toString();
    }

    static Parsed decode(Path file, String text) throws NvmException {
        Integer format = null;
        Slot boot = null;
        Boolean committed = null;
        Long floor = null;
        int[] eeprom = null;
        Map<Slot, SlotRef> slots = new EnumMap<>(Slot.class);
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" +");
            String key = f[0];
            String id = key.equals("slot") && f.length > 1 ? "slot " + f[1] : key;
            if (!seen.add(id)) {
                throw bad(file, n, "'" + id + "' given twice");
            }
            switch (key) {
                case "format" -> {
                    format = (int) number(file, n, f, 0xFF);
                    if (format != FORMAT) {
                        throw bad(file, n, "format " + format + " (this model reads format " + FORMAT + ")");
                    }
                }
                case "boot" -> boot = slot(file, n, f);
                case "committed" -> {
                    fields(file, n, f, 2, "committed yes|no");
                    if (!f[1].equals("yes") && !f[1].equals("no")) {
                        throw bad(file, n, "committed must be yes or no, found '" + f[1] + "'");
                    }
                    committed = f[1].equals("yes");
                }
                case "rollback-floor" -> floor = number(file, n, f, 0xFFFF_FFFFL);
                case "slot" -> {
                    Slot s = slot(file, n, f);
                    slots.put(s, slotRef(file, n, f));
                }
                case "eeprom" -> {
                    fields(file, n, f, 1 + NvmState.EEPROM_WORDS, "eeprom and " + NvmState.EEPROM_WORDS + " hex words");
                    eeprom = new int[NvmState.EEPROM_WORDS];
                    for (int i = 0; i < eeprom.length; i++) {
                        if (!f[i + 1].matches("[0-9a-fA-F]{4}")) {
                            throw bad(file, n, "EEPROM word " + i + " is not 4 hex digits: '" + f[i + 1] + "'");
                        }
                        eeprom[i] = Integer.parseInt(f[i + 1], 16);
                    }
                }
                default -> throw bad(file, n, "unknown field '" + key + "'");
            }
        }
        int last = lines.length;
        if (format == null) {
            throw bad(file, last, "no 'format' line (not a device memory state file?)");
        }
        if (boot == null || committed == null || floor == null || eeprom == null || slots.size() != 2) {
            throw bad(file, last, "incomplete: needs boot, committed, rollback-floor, slot A, slot B and eeprom");
        }
        return new Parsed(boot, committed, floor, slots, eeprom);
    }

    private static SlotRef slotRef(Path file, int n, String[] f) throws NvmException {
        if (f.length < 3) {
            throw bad(file, n, "expected 'slot A|B empty|factory|image LENGTH SHA256'");
        }
        switch (f[2]) {
            case "empty" -> {
                fields(file, n, f, 3, "slot " + f[1] + " empty");
                return new SlotRef.Plain(SlotContent.EMPTY);
            }
            case "factory" -> {
                fields(file, n, f, 3, "slot " + f[1] + " factory");
                return new SlotRef.Plain(SlotContent.FACTORY);
            }
            case "image" -> {
                fields(file, n, f, 5, "slot " + f[1] + " image LENGTH SHA256");
                long length = number(file, n, new String[] {"", f[3]}, FirmwareUpdater.SLOT_SIZE);
                if (!f[4].matches("[0-9a-f]{64}")) {
                    throw bad(file, n, "SHA-256 is not 64 lower-case hex digits: '" + f[4] + "'");
                }
                return new SlotRef.ImageRef(length, HEX.parseHex(f[4]));
            }
            default -> throw bad(file, n, "slot content must be empty, factory or image, found '" + f[2] + "'");
        }
    }

    private static Slot slot(Path file, int n, String[] f) throws NvmException {
        if (f.length < 2 || !(f[1].equals("A") || f[1].equals("B"))) {
            throw bad(file, n, "expected slot A or B, found '" + (f.length < 2 ? "" : f[1]) + "'");
        }
        if (f[0].equals("boot")) {
            fields(file, n, f, 2, "boot A|B");
        }
        return Slot.valueOf(f[1].toUpperCase(Locale.ROOT));
    }

    private static long number(Path file, int n, String[] f, long max) throws NvmException {
        fields(file, n, f, 2, f[0] + " NUMBER");
        long v;
        try {
            v = Long.parseLong(f[1]);
        } catch (NumberFormatException e) {
            throw bad(file, n, "'" + f[1] + "' is not a number");
        }
        if (v < 0 || v > max) {
            throw bad(file, n, v + " is outside 0.." + max);
        }
        return v;
    }

    private static void fields(Path file, int n, String[] f, int count, String expected) throws NvmException {
        if (f.length != count) {
            throw bad(file, n, "expected '" + expected + "', found " + f.length + " fields");
        }
    }

    private static NvmException bad(Path file, int line, String what) {
        return new NvmException(file, line, what + " (corrupt device memory state)");
    }
}
