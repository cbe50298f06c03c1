package org.nicrig.host.plan;

/**
 * Conformance probes: traffic built to show one class of firmware defect, as a firmware engineer
 * runs on new firmware. Each names the rule it checks.
 */
public enum ProbeKind {
    /**
     * Fixed-IV mode (ENCRYPT_JOB with a fixed IV): for an outbound SA, each packet's ESP must equal
     * the Bouncy Castle reference's byte for byte; for an inbound SA the device must decrypt the
     * reference's packets to the original. Sizes cover every pad length (RFC 4303 §2.4), so
     * padding, Pad Length, Next Header (§2.6), SPI, sequence and ICV length are all compared.
     */
    KNOWN_ANSWER,
    /**
     * Inbound: after {@code count} packets in order, replays a duplicate of the newest, one inside
     * the window, one at its left edge and one just left of it: every one must be dropped
     * (RFC 4303 §3.4.3 and Appendix A).
     */
    REPLAY,
    /** Inbound: packets with one bit flipped in the ICV, the ciphertext or the IV must be dropped (RFC 4303 §3.4.4). */
    TAMPER,
    /**
     * Deletes the SA and installs it again in the same slot, then sends {@code count} packets:
     * sequence numbers must start again at 1 and the replay window must be fresh.
     */
    REKEY,
    /**
     * Resets the member, then sends a job on each SA before the host installs it again: every
     * one must be refused, since a reset clears the SA table.
     */
    RESET_CLEARS
}
