package org.nicrig.model.esp;

import java.util.Objects;
import org.nicrig.protocol.message.JobStatus;

/**
 * The outcome of one engine operation. A packet the engine refuses (bad ICV, replay, bad padding,
 * malformed input) is a result with a status and a reason, not an exception (style §3). Reasons
 * name lengths, offsets and field values, never key bytes.
 *
 * @param status         OK or why not
 * @param output         the packet produced, or null when the status is not OK
 * @param sequenceNumber the full (64-bit with ESN) sequence number used or received, 0 if none
 * @param reason         empty when OK, else a human-readable explanation
 */
public record EspResult(JobStatus status, byte[] output, long sequenceNumber, String reason) {

    public EspResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    public static EspResult ok(byte[] output, long sequenceNumber) {
        return new EspResult(JobStatus.OK, Objects.requireNonNull(output, "output"), sequenceNumber, "");
    }

    public static EspResult fail(JobStatus status, long sequenceNumber, String reason) {
        if (status == JobStatus.OK) {
            throw new IllegalArgumentException("a failure needs a failing status");
        }
        return new EspResult(status, null, sequenceNumber, reason);
    }

    public boolean isOk() {
        return status == JobStatus.OK;
    }

    @Override
    public String toString() {
        return "EspResult[" + status + ", seq=" + Long.toUnsignedString(sequenceNumber)
                + (output == null ? "" : ", " + output.length + " bytes")
                + (reason.isEmpty() ? "" : ", " + reason) + "]";
    }
}
