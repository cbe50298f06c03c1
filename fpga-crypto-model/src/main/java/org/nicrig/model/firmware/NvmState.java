package org.nicrig.model.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a device keeps across power-off (FIRMWARE-DEVICE-RULES.md D.1): its two firmware
 * slots, which one boots, whether the other holds a committed image waiting for FW_ACTIVATE, the
 * rollback floor (the highest rollback counter it has booted, as a real part keeps in fuses or a
 * monotonic counter) and the 64 EEPROM words (PROTOCOL.md §5.19). Immutable; a change is a new
 * state that {@link NonVolatileMemory#write} stores whole.
 *
 * @param committed     the slot that does not boot holds an image that passed FW_COMMIT's checks
 *                      and may be activated
 * @param rollbackFloor u32: images with a lower rollback counter are refused (FW_ROLLBACK)
 * @param eeprom        64 words, each 0..0xFFFF
 */
public record NvmState(SlotContent slotA, SlotContent slotB, Slot boot, boolean committed, long rollbackFloor,
                       List<Integer> eeprom) {
    public static final int EEPROM_WORDS = 64;

    public NvmState {
        Objects.requireNonNull(slotA, "slotA");
        Objects.requireNonNull(slotB, "slotB");
        Objects.requireNonNull(boot, "boot");
        eeprom = List.copyOf(eeprom);
        if (eeprom.size() != EEPROM_WORDS) {
            throw new IllegalArgumentException("the EEPROM has " + EEPROM_WORDS + " words, not " + eeprom.size());
        }
        for (int w : eeprom) {
            if (w < 0 || w > 0xFFFF) {
                throw new IllegalArgumentException("EEPROM word " + w + " outside 0..0xFFFF");
            }
        }
        if (rollbackFloor < 0 || rollbackFloor > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("rollback floor outside 0..2^32-1: " + rollbackFloor);
        }
        SlotContent booting = boot == Slot.A ? slotA : slotB;
        if (booting instanceof SlotContent.Empty) {
            throw new IllegalArgumentException("slot " + boot + " boots but is empty");
        }
        SlotContent other = boot == Slot.A ? slotB : slotA;
        if (committed && !(other instanceof SlotContent.Image)) {
            throw new IllegalArgumentException("slot " + boot.other() + " is marked committed but holds " + other);
        }
    }

    /** A unit as it leaves the factory: slot A holds the factory firmware and boots, B is erased, floor 0. */
    public static NvmState factory(int[] eepromWords) {
        return new NvmState(SlotContent.FACTORY, SlotContent.EMPTY, Slot.A, false, 0, words(eepromWords));
    }

    public SlotContent slot(Slot s) {
        return s == Slot.A ? slotA : slotB;
    }

    /** The slot that does not boot: where FW_BEGIN writes. */
    public Slot inactive() {
        return boot.other();
    }

    public NvmState withSlot(Slot s, SlotContent content) {
        return s == Slot.A ? new NvmState(content, slotB, boot, committed, rollbackFloor, eeprom)
                : new NvmState(slotA, content, boot, committed, rollbackFloor, eeprom);
    }

    public NvmState withBoot(Slot s) {
        return new NvmState(slotA, slotB, s, committed, rollbackFloor, eeprom);
    }

    public NvmState withCommitted(boolean c) {
        return new NvmState(slotA, slotB, boot, c, rollbackFloor, eeprom);
    }

    public NvmState withRollbackFloor(long floor) {
        return new NvmState(slotA, slotB, boot, committed, floor, eeprom);
    }

    public NvmState withEeprom(int[] words) {
        return new NvmState(slotA, slotB, boot, committed, rollbackFloor, words(words));
    }

    public int[] eepromWords() {
        return eeprom.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> words(int[] w) {
        List<Integer> out = new ArrayList<>(w.length);
        for (int x : w) {
            out.add(x);
        }
        return out;
    }
}
