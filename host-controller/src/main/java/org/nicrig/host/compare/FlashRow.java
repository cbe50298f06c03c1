package org.nicrig.host.compare;

import java.util.Objects;

/**
 * What flashing an image did to one device. {@code running} is the firmware version the device
 * reported afterwards (empty when unknown); {@code detail} says why a flash was refused or fell back.
 */
public record FlashRow(String device, Status status, String running, String detail) {
    /** How a device's flash ended. */
    public enum Status {
        /** Written, committed, activated; the device runs the image. */
        FLASHED,
        /** The device refused the image (bad signature, wrong target, rollback, ...): it runs its old firmware. */
        REFUSED,
        /** Activated, but its boot self-test failed and the device went back to its old firmware. */
        FELL_BACK,
        /** The device could not be reached, or the flash broke off (timeout, link lost). */
        FAILED
    }

    public FlashRow {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(status, "status");
        running = running == null ? "" : running;
        detail = detail == null ? "" : detail;
    }

    public boolean ok() {
        return status == Status.FLASHED;
    }
}
