package org.nicrig.model.device;

import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.ErrorCode;

/**
 * The device's fixed table of SA slots. Adding to a used slot or a full table is refused with a
 * reason, never an eviction: a firmware that silently evicts an SA breaks traffic far from the cause.
 */
final class SaTable {
    private final InstalledSa[] slots;

    SaTable(int size) {
        slots = new InstalledSa[size];
    }

    int size() {
        return slots.length;
    }

    /** Null on success, else the refusal. */
    synchronized Refusal add(int slot, InstalledSa sa) {
        if (slot < 0 || slot >= slots.length) {
            return new Refusal(ErrorCode.SA_SLOT_INVALID, "slot " + slot + " outside the table of " + slots.length + " slots");
        }
        if (slots[slot] != null) {
            if (used() == slots.length) {
                return new Refusal(ErrorCode.SA_TABLE_FULL, "SA table full (" + slots.length + " slots in use)");
            }
            return new Refusal(ErrorCode.SA_SLOT_IN_USE, "slot " + slot + " already holds SPI 0x"
                    + Long.toHexString(slots[slot].params().spi()));
        }
        slots[slot] = sa;
        return null;
    }

    synchronized Refusal delete(int slot) {
        if (slot < 0 || slot >= slots.length) {
            return new Refusal(ErrorCode.SA_SLOT_INVALID, "slot " + slot + " outside the table of " + slots.length + " slots");
        }
        slots[slot] = null;
        return null;
    }

    synchronized InstalledSa get(int slot) {
        return slot >= 0 && slot < slots.length ? slots[slot] : null;
    }

    /** The inbound SA with this SPI, for decrypting what arrives on the port (FIG. 5), or -1. */
    synchronized int findInbound(long spi) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && slots[i].params().direction() == Direction.INBOUND && slots[i].params().spi() == spi) {
                return i;
            }
        }
        return -1;
    }

    synchronized int used() {
        int n = 0;
        for (InstalledSa s : slots) {
            if (s != null) {
                n++;
            }
        }
        return n;
    }

    synchronized void clear() {
        java.util.Arrays.fill(slots, null);
    }

    record Refusal(ErrorCode code, String detail) {
    }
}
