package org.nicrig.protocol.message;

/**
 * The outcome of an ENCRYPT_JOB or DECRYPT_JOB. A failed job is a result with a reason, not a
 * protocol error: the frame was fine, the packet was not.
 */
public enum JobStatus {
    OK(0),
    /** Decrypt: the ICV did not match (RFC 4303 §3.4.4). */
    ICV_MISMATCH(1),
    /** Decrypt: the sequence number is a replay or left of the window (RFC 4303 §3.4.3). */
    REPLAY(2),
    /** Decrypt: padding bytes or pad length inconsistent (RFC 4303 §2.4). */
    BAD_PADDING(3),
    /** The slot holds no SA, or the SA's direction does not fit the job. */
    NO_SA(4),
    /** The engine is out of service (ENGINE_FAIL). */
    ENGINE_FAILED(5),
    /** The packet is not a well-formed IPv4 packet or ESP packet. */
    MALFORMED_PACKET(6),
    /** Encrypt: the sequence number would cycle (RFC 4303 §3.3.3). */
    SEQUENCE_EXHAUSTED(7),
    /** The job exceeds the device's maximum job size. */
    TOO_LARGE(8),
    /** Encrypt with TRANSMIT disposition while the link is down: encrypted, but it did not leave. */
    LINK_DOWN(9);

    private final int code;

    JobStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static JobStatus fromCode(int code) {
        for (JobStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
