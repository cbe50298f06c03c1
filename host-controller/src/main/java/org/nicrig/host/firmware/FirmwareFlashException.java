package org.nicrig.host.firmware;

/**
 * A flash that did not end in a reboot: refused ({@link FirmwareRefusedException}) or cut off
 * ({@link FirmwareDeviceLostException}). The message is one line naming the device and the phase,
 * ready to print.
 */
public abstract sealed class FirmwareFlashException extends Exception
        permits FirmwareRefusedException, FirmwareDeviceLostException {
    private final String device;
    private final FlashPhase phase;
    private final long offset;

    FirmwareFlashException(String device, FlashPhase phase, long offset, String message, Throwable cause) {
        super(message, cause);
        this.device = device;
        this.phase = phase;
        this.offset = offset;
    }

    public String device() {
        return device;
    }

    public FlashPhase phase() {
        return phase;
    }

    /** For {@link FlashPhase#CHUNK}: the image offset of the chunk; else -1. */
    public long offset() {
        return offset;
    }

    /** "FW_CHUNK at offset 4096", "FW_COMMIT", "precheck". */
    static String where(FlashPhase phase, long offset) {
        return phase == FlashPhase.CHUNK && offset >= 0 ? phase.label() + " at offset " + offset : phase.label();
    }
}
