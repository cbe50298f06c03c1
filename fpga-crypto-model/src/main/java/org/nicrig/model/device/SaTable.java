package org.nicrig.model.device;

import java.util.Arrays;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;
import org.nicrig.model.esp.EspSa;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.ErrorCode;

/**
 * The device's fixed table of SA slots. Adding to a used slot or a full table is refused with a
 * reason, never an eviction: a firmware that silently evicts an SA breaks traffic far from the cause.
 *
 * <p>Two seeded defects live here (DEFECTS.md). {@link Defect#SA_SLOT_ALIASED_AFTER_DELETE}: a
 * deleted SA's sequence state stays behind in its slot and the next SA added there inherits it.
 * {@link Defect#STATE_NOT_CLEARED_ON_RESET}: a reset only forgets the bookkeeping (the slot count,
 * the in-use check of SA_ADD) while the SAs themselves keep working.
 */
final class SaTable {
    private final InstalledSa[] slots;
    /** STATE_NOT_CLEARED_ON_RESET: slots the table no longer counts, though their SA still answers. */
    private final boolean[] forgotten;
    /** SA_SLOT_ALIASED_AFTER_DELETE: the SA last deleted from each slot, whose state the next one inherits. */
    private final InstalledSa[] ghosts;
    private final boolean aliasAfterDelete;
    private final boolean keepAcrossReset;

    SaTable(int size) {
        this(size, Defects.NONE);
    }

    SaTable(int size, Defects defects) {
        slots = new InstalledSa[size];
        forgotten = new boolean[size];
        ghosts = new InstalledSa[size];
        aliasAfterDelete = defects.has(Defect.SA_SLOT_ALIASED_AFTER_DELETE);
        keepAcrossReset = defects.has(Defect.STATE_NOT_CLEARED_ON_RESET);
    }

    int size() {
        return slots.length;
    }

    /** Null on success, else the refusal. */
    synchronized Refusal add(int slot, InstalledSa sa) {
        if (slot < 0 || slot >= slots.length) {
            return new Refusal(ErrorCode.SA_SLOT_INVALID, "slot " + slot + " outside the table of " + slots.length + " slots");
        }
        if (slots[slot] != null && !forgotten[slot]) {
            if (used() == slots.length) {
                return new Refusal(ErrorCode.SA_TABLE_FULL, "SA table full (" + slots.length + " slots in use)");
            }
            return new Refusal(ErrorCode.SA_SLOT_IN_USE, "slot " + slot + " already holds SPI 0x"
                    + Long.toHexString(slots[slot].params().spi()));
        }
        if (ghosts[slot] != null) {
            inheritSequence(ghosts[slot].esp(), sa.esp());
            ghosts[slot] = null;
        }
        slots[slot] = sa;
        forgotten[slot] = false;
        return null;
    }

    /**
     * The defect's firmware keeps one sequence register per slot and never zeroes it: the new SA
     * continues the deleted one's outbound counter, or starts its replay window at the deleted
     * one's highest number, so fresh packets from 1 fall left of the window (RFC 4303 §3.4.3).
     */
    private static void inheritSequence(EspSa old, EspSa fresh) {
        long register = Math.max(old.lastSequenceSent(), old.highestSequenceReceived());
        if (!fresh.params().esn()) {
            register = Math.min(register, 0xFFFF_FFFFL);
        }
        if (register <= 0) {
            return;
        }
        if (fresh.params().direction() == Direction.OUTBOUND) {
            fresh.presetOutboundSequence(register);
        } else {
            fresh.presetInboundTop(register);
        }
    }

    synchronized Refusal delete(int slot) {
        if (slot < 0 || slot >= slots.length) {
            return new Refusal(ErrorCode.SA_SLOT_INVALID, "slot " + slot + " outside the table of " + slots.length + " slots");
        }
        if (aliasAfterDelete && slots[slot] != null) {
            ghosts[slot] = slots[slot];
        }
        slots[slot] = null;
        forgotten[slot] = false;
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

    /** The slots the table counts as in use (what STATS and the SA_COUNT register report). */
    synchronized int used() {
        int n = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && !forgotten[i]) {
                n++;
            }
        }
        return n;
    }

    /** A reset: empties the table, or with STATE_NOT_CLEARED_ON_RESET only forgets that the slots are used. */
    synchronized void reset() {
        if (keepAcrossReset) {
            for (int i = 0; i < slots.length; i++) {
                forgotten[i] = slots[i] != null;
            }
            return;
        }
        Arrays.fill(slots, null);
        Arrays.fill(forgotten, false);
        Arrays.fill(ghosts, null);
    }

    record Refusal(ErrorCode code, String detail) {
    }
}
