package org.nicrig.host.verify;

import java.util.ArrayList;
import java.util.List;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.SaParams;

/**
 * Verifies, packet by packet, what the rig's members produced under one SA, against the
 * independent {@link EspReference}. State is per SA, not per member: an SA that moves to another
 * member at fail-over keeps its sequence and IV history, so a new member that restarts the counter
 * or repeats an IV is caught.
 *
 * <p>Checks, in order: everything {@link EspReference#open} checks (length, SPI, ICV, padding,
 * Pad Length, Next Header), then sequence number not zero (RFC 4303 §3.3.3), strictly increasing
 * over the SA's authenticated packets ({@link Check#SEQUENCE_ORDER}: never reused, never
 * backwards), IV not repeated within the last {@link #ivWindow()} packets, Next Header equal to
 * the protocol sent, and the decrypted packet equal to the packet sent. In fixed-IV mode the
 * expected sequence number is checked and the whole packet is compared byte for byte with the
 * reference's own encryption ({@link Check#CIPHERTEXT}); the IV_REUSE check is off there, since
 * the rig itself chose the IVs.
 *
 * <p>ESN: the packet carries only the low 32 bits, so the high bits are inferred from the highest
 * authenticated sequence number as RFC 4303 Appendix A2.2 does: same high half if the low half
 * went up, the next one if it wrapped; if the ICV fails that way the other neighbour is tried, so
 * a replayed packet, even from across a wrap, is reported as out of order rather than as forged.
 *
 * <p>Thread-safe: calls for one SA are serialised, as the order of its packets matters.
 */
public final class SaVerifier {
    /** Default IV window: about 0.4 MB per AES SA (see {@link IvHistory} for the trade-off). */
    public static final int DEFAULT_IV_WINDOW = 16_384;

    private final SaParams sa;
    private final EspReference reference;
    private final IvHistory ivs;
    private long highest;
    private boolean any;

    public SaVerifier(SaParams sa) {
        this(sa, DEFAULT_IV_WINDOW);
    }

    public SaVerifier(SaParams sa, int ivWindow) {
        this.sa = sa;
        this.reference = new EspReference(sa);
        this.ivs = new IvHistory(ivWindow, sa.cipher().ivLength());
    }

    public long spi() {
        return sa.spi();
    }

    public EspReference reference() {
        return reference;
    }

    /** Verifies one packet: {@code sent} is what the rig asked the member to protect. */
    public synchronized Verdict verify(String member, byte[] sent, byte[] espPacket) {
        return check(member, sent, espPacket, false, 0, null);
    }

    /**
     * Verifies one packet produced in fixed-IV test mode, where the rig told the device which
     * IV and sequence number to use: adds the SEQUENCE and byte-for-byte CIPHERTEXT checks.
     */
    public synchronized Verdict verifyFixedIv(String member, byte[] sent, byte[] espPacket,
                                              long expectedSequence, byte[] expectedIv) {
        return check(member, sent, espPacket, true, expectedSequence, expectedIv.clone());
    }

    /** The highest authenticated sequence number seen, 0 before the first. */
    public synchronized long highestSequence() {
        return highest;
    }

    public int ivWindow() {
        return ivs.capacity();
    }

    /** IVs checked for reuse so far, and how many were repeats. */
    public synchronized long ivsObserved() {
        return ivs.observed();
    }

    public synchronized long ivRepeats() {
        return ivs.repeats();
    }

    private Verdict check(String member, byte[] sent, byte[] esp, boolean fixed, long expectedSeq, byte[] expectedIv) {
        List<Failure> failures = new ArrayList<>();
        OpenResult result = open(esp);
        long sequence = result.sequence();
        if (result instanceof OpenResult.Rejected rejected) {
            failures.add(rejected.failure());
        } else {
            OpenResult.Opened opened = (OpenResult.Opened) result;
            checkSequence(opened.sequence(), fixed, expectedSeq, failures);
            if (!fixed && ivs.seenBefore(opened.iv().toArray())) {
                failures.add(Failure.of(Check.IV_REUSE,
                        "an IV not used in this SA's last " + ivs.capacity() + " packets",
                        opened.iv().hex(), "IV repeated under SPI " + Hex.spi(sa.spi())));
            }
            checkPayload(sent, opened, failures);
        }
        if (fixed) {
            byte[] expected = reference.seal(sent, expectedSeq, expectedIv, outerOf(esp));
            Failure f = Failure.compare(Check.CIPHERTEXT, expected, esp, "ESP packet vs reference encryption");
            if (f != null) {
                failures.add(f);
            }
        }
        return Verdict.of(member, sa.spi(), sequence, failures);
    }

    private void checkSequence(long sequence, boolean fixed, long expectedSeq, List<Failure> failures) {
        if (sequence == 0) {
            failures.add(Failure.of(Check.SEQUENCE, "at least 1", "0", "RFC 4303 §3.3.3: 0 is never sent"));
        } else if (fixed && sequence != expectedSeq) {
            failures.add(Failure.ofInts(Check.SEQUENCE, expectedSeq, sequence, "fixed-IV mode"));
        }
        if (any && Long.compareUnsigned(sequence, highest) <= 0) {
            failures.add(Failure.of(Check.SEQUENCE_ORDER, "above " + Long.toUnsignedString(highest),
                    Long.toUnsignedString(sequence), sequence == highest ? "reused" : "went backwards"));
        } else {
            highest = sequence;
            any = true;
        }
    }

    private void checkPayload(byte[] sent, OpenResult.Opened opened, List<Failure> failures) {
        byte[] actual = opened.packet().toArray();
        if (sa.mode() == EspMode.TRANSPORT && sent.length >= Ipv4.MIN_HEADER) {
            int sentProtocol = Ipv4.protocol(sent);
            if (opened.nextHeader() != sentProtocol) {
                failures.add(Failure.ofInts(Check.NEXT_HEADER, sentProtocol, opened.nextHeader(),
                        "protocol of the packet sent (RFC 4303 §2.6)"));
                // report the header field once, under NEXT_HEADER, not again as a plaintext difference
                actual[9] = (byte) sentProtocol;
                Ipv4.writeChecksum(actual);
            }
        }
        Failure f = Failure.compare(Check.PLAINTEXT, sent, actual, "decrypted packet vs packet sent");
        if (f != null) {
            failures.add(f);
        }
    }

    private OpenResult open(byte[] esp) {
        if (!sa.esn()) {
            return reference.open(esp, 0);
        }
        // Th = high half of the highest authenticated number. A low half above Tl is most likely
        // Th (else a replay from before the wrap, Th - 1); one at or below Tl most likely Th + 1
        // (the counter wrapped; else a replay, Th).
        int high = (int) (highest >>> 32);
        int alternative = high - 1;
        int hl = esp.length >= Ipv4.MIN_HEADER ? Ipv4.headerLength(esp) : 0;
        if (any && esp.length >= hl + EspReference.ESP_HEADER) {
            long low = Ipv4.u32(esp, hl + 4);
            if (low <= (highest & 0xffff_ffffL)) {
                alternative = high;
                high = high + 1;
            }
        }
        OpenResult first = reference.open(esp, high);
        if (any && first instanceof OpenResult.Rejected r && r.failure().check() == Check.ICV) {
            OpenResult second = reference.open(esp, alternative);
            if (second instanceof OpenResult.Opened) {
                return second;
            }
        }
        return first;
    }

    private static OuterHeader outerOf(byte[] esp) {
        return esp.length >= Ipv4.MIN_HEADER ? OuterHeader.of(esp) : new OuterHeader(0, 0, 0, OuterHeader.DEFAULT_TTL);
    }
}
