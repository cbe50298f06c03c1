package org.nicrig.host.firmware;

import org.nicrig.protocol.message.ErrorCode;

/**
 * The image was refused — by the device (an error reply to an FW_* request) or by the host's
 * precheck, which says no the way the device would, before anything is sent. Either way the
 * device still runs, and will boot, the firmware it had.
 */
public final class FirmwareRefusedException extends FirmwareFlashException {
    private final ErrorCode code;
    private final String detail;
    private final boolean byHost;

    public FirmwareRefusedException(String device, FlashPhase phase, long offset, ErrorCode code, String detail, boolean byHost) {
        super(device, phase, offset, device + ": " + (byHost ? "image refused before flashing (host check): "
                : "device refused the image at " + where(phase, offset) + ": ") + code
                + (detail.isEmpty() ? "" : " (" + detail + ")") + "; it keeps its old firmware", null);
        this.code = code;
        this.detail = detail;
        this.byHost = byHost;
    }

    public ErrorCode code() {
        return code;
    }

    /** The device's (or the precheck's) words for the refusal. */
    public String detail() {
        return detail;
    }

    /** True when the host's precheck refused, and nothing was sent. */
    public boolean byHost() {
        return byHost;
    }
}
