package org.nicrig.model.defect;

/**
 * Seeded firmware defects: bugs that real ESP implementations have shipped, which the device model
 * can be told to have so that a test plan can prove the rig catches them. One name per defect in
 * the model, the plans and the reports (as with {@link org.nicrig.protocol.message.FaultKind}).
 * A fault is something that happens to a healthy device (a link drops); a defect is something the
 * device does wrong every time the triggering condition holds.
 *
 * <p>{@link Level#ENGINE} defects are implemented by the ESP engine
 * ({@code org.nicrig.model.esp}) and are selected per SA through {@link Defects}.
 * {@link Level#DEVICE} defects concern job handling and the SA table, and are implemented by the
 * device around the engine. See {@code fpga-crypto-model/DEFECTS.md} for how each one shows.
 */
public enum Defect {
    /**
     * The outbound SA reuses the IV of its first packet for every later packet, like firmware that
     * draws the IV once when the SA is installed. Shows on the wire as identical IV fields in
     * successive ESP packets of one SA; with AES-GCM it is a nonce reuse (RFC 4106 §3.1 requires a
     * unique IV per packet), with CBC identical plaintext prefixes give identical ciphertext.
     */
    IV_REUSE(Level.ENGINE),
    /**
     * The outbound sequence counter never advances: every packet carries sequence number 1.
     * Shows as repeated Sequence Number fields; a receiver with anti-replay (RFC 4303 §3.4.3)
     * accepts the first packet and rejects every later one as a replay.
     */
    SEQ_NOT_INCREMENTED(Level.ENGINE),
    /**
     * With extended sequence numbers the engine leaves the implicit high-order 32 bits out of the
     * ICV computation (RFC 4303 §2.2.1 requires them; for AES-GCM RFC 4106 §5 puts them in the
     * AAD). Applies to both directions. Shows as an ICV mismatch at a correct peer for every packet
     * of an ESN SA, while two devices with the same bug interoperate.
     */
    ESN_HIGH_NOT_IN_ICV(Level.ENGINE),
    /**
     * The outbound Pad Length field is one more than the padding actually inserted (the Pad Length
     * byte counted as padding). Shows as a padding check failure at the receiver (RFC 4303 §2.4), or
     * one payload byte silently dropped when the last payload byte happens to pass the check.
     */
    PAD_LENGTH_OFF_BY_ONE(Level.ENGINE),
    /**
     * The outbound Next Header field carries the other mode's value: 4 (IP-in-IP) in transport
     * mode, the inner packet's protocol in tunnel mode. Shows after decryption as a Next Header that
     * does not fit the SA's mode, or a transport packet re-labelled as IP-in-IP.
     */
    WRONG_NEXT_HEADER(Level.ENGINE),
    /**
     * The outbound ICV is cut to 8 bytes instead of 12 (HMAC-*-96) or 16 (HMAC-SHA-256-128,
     * AES-GCM-16). Shows as ESP packets 4 or 8 bytes shorter than the SA's ICV length requires, and
     * an ICV mismatch at the receiver, which takes the last 12/16 bytes as the ICV.
     */
    ICV_TRUNCATED_SHORT(Level.ENGINE),
    /**
     * The engine writes and reads the SPI in little-endian byte order. Shows as an SPI on the wire
     * that no SA has (e.g. 0x78563412 for 0x12345678); the peer drops the packet as having no SA.
     */
    SPI_BYTE_SWAPPED(Level.ENGINE),
    /**
     * The inbound anti-replay check lets through the sequence number exactly one left of the
     * window (a {@code >} where RFC 4303 Appendix A needs {@code >=}), and since that number has no
     * bit in the window, it is accepted again every time it is replayed. Shows as an accepted
     * packet with sequence number (highest - window size).
     */
    REPLAY_WINDOW_OFF_BY_ONE(Level.ENGINE),
    /**
     * The inbound engine computes the ICV but ignores the comparison: a packet with a wrong ICV is
     * decrypted and delivered (RFC 4303 §3.4.4 requires it to be discarded). Shows as tampered or
     * forged packets decrypting with status OK.
     */
    ACCEPTS_BAD_ICV(Level.ENGINE),

    /**
     * The device silently drops every Nth job (N chosen from the seed): no answer is ever sent.
     * Shows to the host as a job timing out; the host must re-dispatch it (design invariant 2).
     */
    DROP_EVERY_NTH_JOB(Level.DEVICE),
    /**
     * The device answers some jobs twice (which ones follows from the seed). Shows as a second
     * response with a sequence number the host has already completed; the host must drop it and
     * never count the job twice.
     */
    JOB_ANSWERED_TWICE(Level.DEVICE),
    /**
     * After transmitting with a borrowed MAC address (FIG. 4: a capable member sends with the
     * requester's MAC), the device keeps the borrowed address instead of restoring its own. Shows
     * as frames from this member carrying another member's MAC after the job completed.
     */
    MAC_NOT_RESTORED(Level.DEVICE),
    /**
     * When an SA is deleted, its slot keeps pointing at the old SA state and a new SA added to the
     * same slot shares it (sequence counter, replay window or keys). Shows as sequence numbers
     * continuing from the deleted SA, replay rejections of fresh packets, or output under the old key.
     */
    SA_SLOT_ALIASED_AFTER_DELETE(Level.DEVICE),
    /**
     * A RESET does not clear the SA table: SAs from before the reset survive although the device
     * reports them gone. Shows as jobs on a reset device succeeding for slots the host never
     * re-installed, and as sequence numbers that do not restart.
     */
    STATE_NOT_CLEARED_ON_RESET(Level.DEVICE);

    /** Where a defect lives: in the ESP engine, or in the device around it. */
    public enum Level { ENGINE, DEVICE }

    private final Level level;

    Defect(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }
}
