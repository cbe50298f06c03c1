package org.nicrig.protocol.message;

import java.util.Objects;

/**
 * The answer to an ENCRYPT_JOB or DECRYPT_JOB. {@code sequenceNumber} is the ESP sequence number
 * the engine used (encrypt) or accepted (decrypt), the full 64 bits with ESN. On failure
 * {@code output} is empty and {@code reason} says why; reasons never hold key bytes.
 */
public record JobResult(long jobId, JobStatus status, long sequenceNumber, Bytes output, String reason) implements Response {
    public JobResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(reason, "reason");
        if (status != JobStatus.OK && !output.isEmpty()) {
            throw new IllegalArgumentException("a failed job carries no output");
        }
        if (status == JobStatus.OK && !reason.isEmpty()) {
            throw new IllegalArgumentException("a successful job carries no reason");
        }
    }

    public static JobResult ok(long jobId, long sequenceNumber, Bytes output) {
        return new JobResult(jobId, JobStatus.OK, sequenceNumber, output, "");
    }

    public static JobResult failed(long jobId, JobStatus status, long sequenceNumber, String reason) {
        return new JobResult(jobId, status, sequenceNumber, Bytes.EMPTY, reason);
    }

    @Override
    public MessageType type() { return MessageType.JOB_RESULT; }
}
