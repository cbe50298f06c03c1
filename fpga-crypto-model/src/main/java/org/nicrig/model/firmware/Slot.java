package org.nicrig.model.firmware;

/** One of the device's two firmware slots (FIRMWARE-DEVICE-RULES.md D.1). */
public enum Slot {
    A, B;

    /** The slot that is not this one: where an update goes while this one runs. */
    public Slot other() {
        return this == A ? B : A;
    }

    /** What STATS reports as {@code fw_active_slot}: 0 for A, 1 for B. */
    public int number() {
        return ordinal();
    }
}
