package org.nicrig.host.firmware;

/**
 * The device went away (port closed, power lost, UNPLUG) or stopped answering during a flash.
 * Before FW_ACTIVATE was acknowledged its boot slot is untouched, so it keeps its old firmware;
 * during the reboot that follows an activation, which firmware it runs is known only once it
 * answers again.
 */
public final class FirmwareDeviceLostException extends FirmwareFlashException {
    public FirmwareDeviceLostException(String device, FlashPhase phase, long offset, String why, Throwable cause) {
        super(device, phase, offset, device + ": lost the device at " + where(phase, offset) + ": " + why + "; "
                + (phase.beforeActivate() ? "it keeps its old firmware (nothing was activated)"
                : "it may have rebooted into either slot: IDENTIFY it to see which firmware runs"), cause);
    }

    /** True when nothing changed what the device boots. */
    public boolean oldFirmwareKept() {
        return phase().beforeActivate();
    }
}
