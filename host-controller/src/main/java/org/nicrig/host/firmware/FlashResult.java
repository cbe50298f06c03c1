package org.nicrig.host.firmware;

import java.util.Objects;
import java.util.Optional;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.IdentifyReply;

/**
 * How a flash that reached the reboot ended.
 *
 * @param outcome      ACTIVATED: the device runs the new image; FELL_BACK: its boot self-test
 *                     failed and it kept the old one
 * @param before       IDENTIFY before the flash
 * @param after        IDENTIFY after the reboot
 * @param imageVersion the version the image's manifest carries (empty if it was flashed unparsed)
 * @param deviceError  the detail of the device's ERROR event about the boot, if one came
 * @param bytes        image bytes sent
 * @param chunks       FW_CHUNK requests acknowledged
 * @param chunkRetries chunks sent again after a lost acknowledgement
 */
public record FlashResult(Outcome outcome, IdentifyReply before, IdentifyReply after, Optional<FirmwareVersion> imageVersion,
                          Optional<String> deviceError, long bytes, int chunks, int chunkRetries) {

    public enum Outcome { ACTIVATED, FELL_BACK }

    public FlashResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(imageVersion, "imageVersion");
        Objects.requireNonNull(deviceError, "deviceError");
    }

    public boolean activated() {
        return outcome == Outcome.ACTIVATED;
    }

    /** {@code ACTIVATED 1.4.0 → 1.5.0}, or {@code FELL_BACK: still 1.4.0 (why)}. */
    public String summary() {
        if (activated()) {
            return "ACTIVATED " + before.firmware() + " \u2192 " + after.firmware();
        }
        return "FELL_BACK: the device kept firmware " + after.firmware()
                + imageVersion.map(v -> ", " + v + " did not boot").orElse("")
                + deviceError.map(d -> " (" + d + ")").orElse(" (no ERROR event said why)");
    }
}
