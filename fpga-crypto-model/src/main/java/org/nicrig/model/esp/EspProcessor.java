package org.nicrig.model.esp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.KeyBytes;

/**
 * The device model's ESP engine (RFC 4303) for IPv4, computed with the JDK's JCE only (design
 * invariant 1: the host verifies with Bouncy Castle). One processor applies every {@link EspSuite};
 * per-SA state lives in {@link EspSa}. Every outcome is an {@link EspResult}: a refused packet is a
 * status with a reason, never an exception.
 *
 * <pre>{@code
 * EspProcessor engine = EspProcessor.secure();            // or EspProcessor.seeded(seed)
 * EspSa out = EspSa.create(outboundParams, defects);
 * EspResult r = engine.encrypt(out, ipv4Packet, null);    // or a fixed IV: byte-exact output
 * EspSa in = EspSa.create(inboundParams, defects);
 * EspResult p = engine.decrypt(in, r.output());           // p.output() == ipv4Packet
 * }</pre>
 *
 * <p>{@link #selfTest} is the known-answer computation a host uses to prove an engine works; its
 * exact definition (what is encrypted, what the ICV covers) is in its documentation.
 *
 * <p>Thread-safe: each call locks its SA, so one SA's packets are processed one at a time, in
 * call order, while different SAs run in parallel.
 */
public final class EspProcessor {
    private static final int ESP_HEADER = EspTransform.espHeaderLength();

    private final IvSource ivSource;

    public EspProcessor(IvSource ivSource) {
        this.ivSource = Objects.requireNonNull(ivSource, "ivSource");
    }

    /** A processor drawing IVs from a SecureRandom: what a real device does. */
    public static EspProcessor secure() {
        return new EspProcessor(IvSource.secure());
    }

    /** A processor whose IVs follow from {@code seed}, for reproducible runs. */
    public static EspProcessor seeded(long seed) {
        return new EspProcessor(IvSource.seeded(seed));
    }

    /**
     * Protects one IPv4 packet with an outbound SA (RFC 4303 §3.3). Transport mode inserts the ESP
     * header after the IPv4 header (options kept), sets the protocol to 50 and recomputes total
     * length and checksum; tunnel mode wraps the whole packet in a new IPv4 header from the SA's
     * tunnel addresses with Next Header 4. The payload is padded with 1, 2, 3, ... to the suite's
     * boundary (§2.4).
     *
     * @param fixedIv null for a fresh IV from the processor's source, or the exact IV to use
     *                (test mode: the same SA state, packet and IV give the same bytes)
     */
    public EspResult encrypt(EspSa sa, byte[] packet, byte[] fixedIv) {
        Objects.requireNonNull(sa, "sa");
        synchronized (sa) {
            return encryptLocked(sa, packet, fixedIv);
        }
    }

    private EspResult encryptLocked(EspSa sa, byte[] packet, byte[] fixedIv) {
        if (sa.params().direction() != Direction.OUTBOUND) {
            return EspResult.fail(JobStatus.NO_SA, 0, "SA 0x" + Long.toHexString(sa.params().spi())
                    + " is inbound; encryption needs an outbound SA");
        }
        String problem = Ipv4.problem(packet);
        if (problem != null) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, 0, problem);
        }
        EspSuite suite = sa.suite();
        boolean tunnel = sa.params().mode() == EspMode.TUNNEL;
        if (!tunnel && Ipv4.isFragment(packet)) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, 0,
                    "transport-mode ESP applies to whole datagrams, not fragments (RFC 4303 §3.3.1)");
        }
        int ivLen = suite.ivLength();
        if (fixedIv != null && fixedIv.length != ivLen) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, 0,
                    "fixed IV of " + fixedIv.length + " bytes; " + suite + " needs " + ivLen);
        }
        int innerProtocol = Ipv4.protocol(packet);
        int outerHeader = tunnel ? Ipv4.MIN_HEADER : Ipv4.headerLength(packet);
        int payOff = tunnel ? 0 : outerHeader;
        int payLen = packet.length - payOff;
        int nextHeader = tunnel ? Ipv4.PROTO_IPV4 : innerProtocol;
        if (sa.wrongNextHeader) {
            nextHeader = tunnel ? innerProtocol : Ipv4.PROTO_IPV4;
        }
        int boundary = suite.padBoundary();
        int padLen = (boundary - (payLen + 2) % boundary) % boundary;
        int ctLen = payLen + padLen + 2;
        int espOff = outerHeader;
        int total = espOff + ESP_HEADER + ivLen + ctLen + sa.wireIcvLength;
        if (total > Ipv4.MAX_TOTAL) {
            return EspResult.fail(JobStatus.TOO_LARGE, 0,
                    "the ESP packet would be " + total + " bytes, more than an IPv4 packet can hold (65535)");
        }
        long seq = sa.nextSequence();
        if (seq == 0) {
            return EspResult.fail(JobStatus.SEQUENCE_EXHAUSTED, sa.lastSequenceSent(),
                    "sequence number " + Long.toUnsignedString(sa.lastSequenceSent())
                            + " was the last; the counter must not cycle, a new SA is needed (RFC 4303 §3.3.3)");
        }

        byte[] out = new byte[total];
        if (tunnel) {
            Ipv4.writeTunnelHeader(out, packet, total, (int) seq & 0xFFFF,
                    sa.params().tunnelSource(), sa.params().tunnelDestination());
        } else {
            System.arraycopy(packet, 0, out, 0, outerHeader);
            Ipv4.rewrite(out, total, Ipv4.PROTO_ESP);
        }
        Ipv4.putInt(out, espOff, sa.wireSpi());
        Ipv4.putInt(out, espOff + 4, (int) seq);
        writeIv(sa, fixedIv, out, espOff + ESP_HEADER, ivLen);

        // Plaintext = payload || padding || pad length || next header. The whole-boundary part of the
        // payload is encrypted straight from the caller's array; only the last few bytes are copied.
        int rem = payLen % boundary;
        int bulk = payLen - rem;
        byte[] tail = new byte[rem + padLen + 2];
        System.arraycopy(packet, payOff + bulk, tail, 0, rem);
        for (int i = 0; i < padLen; i++) {
            tail[rem + i] = (byte) (i + 1);
        }
        tail[rem + padLen] = (byte) (sa.padLengthOffByOne ? padLen + 1 : padLen);
        tail[rem + padLen + 1] = (byte) nextHeader;
        try {
            sa.transform.seal(sa, seq, packet, payOff, bulk, tail, tail.length, out, espOff);
        } catch (GeneralSecurityException e) {
            return EspResult.fail(JobStatus.ENGINE_FAILED, seq, "the JCE failed to encrypt (" + e.getClass().getSimpleName() + ")");
        }
        return EspResult.ok(out, seq);
    }

    private void writeIv(EspSa sa, byte[] fixedIv, byte[] out, int ivOff, int ivLen) {
        if (fixedIv != null) {
            System.arraycopy(fixedIv, 0, out, ivOff, ivLen);
        } else if (sa.ivReuse && sa.reusedIv != null) {
            System.arraycopy(sa.reusedIv, 0, out, ivOff, ivLen);
        } else {
            synchronized (ivSource) {
                ivSource.next(out, ivOff, ivLen);
            }
            if (sa.ivReuse) {
                sa.reusedIv = Arrays.copyOfRange(out, ivOff, ivOff + ivLen);
            }
        }
    }

    /**
     * Removes ESP from one IPv4 packet with an inbound SA (RFC 4303 §3.4): replay check, ICV check
     * (constant time, before any decryption), window update only once the ICV passed (§3.4.3),
     * then padding bytes, pad length and next header (§2.4, §2.6). Transport mode restores the
     * original header with the Next Header as protocol; tunnel mode returns the inner packet.
     */
    public EspResult decrypt(EspSa sa, byte[] packet) {
        Objects.requireNonNull(sa, "sa");
        synchronized (sa) {
            return decryptLocked(sa, packet);
        }
    }

    private EspResult decryptLocked(EspSa sa, byte[] packet) {
        if (sa.params().direction() != Direction.INBOUND) {
            return EspResult.fail(JobStatus.NO_SA, 0, "SA 0x" + Long.toHexString(sa.params().spi())
                    + " is outbound; decryption needs an inbound SA");
        }
        String problem = Ipv4.problem(packet);
        if (problem != null) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, 0, problem);
        }
        if (Ipv4.protocol(packet) != Ipv4.PROTO_ESP) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, 0,
                    "protocol " + Ipv4.protocol(packet) + " at offset 9 is not ESP (50)");
        }
        if (Ipv4.isFragment(packet)) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, 0,
                    "ESP fragment: fragments are reassembled before ESP processing (RFC 4303 §3.4.1)");
        }
        EspSuite suite = sa.suite();
        int espOff = Ipv4.headerLength(packet);
        int ivLen = suite.ivLength();
        int icvLen = suite.icvLength();
        int ctLen = packet.length - espOff - ESP_HEADER - ivLen - icvLen;
        int boundary = suite.padBoundary();
        if (ctLen < boundary || ctLen % boundary != 0) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, 0, "ESP payload of " + (packet.length - espOff)
                    + " bytes at offset " + espOff + " leaves " + ctLen + " bytes of ciphertext, not a positive multiple of "
                    + boundary + " (header 8, IV " + ivLen + ", ICV " + icvLen + ")");
        }
        int spi = Ipv4.getInt(packet, espOff);
        if (spi != sa.wireSpi()) {
            return EspResult.fail(JobStatus.NO_SA, 0, "SPI 0x" + Integer.toHexString(spi) + " at offset " + espOff
                    + " is not this SA's (0x" + Long.toHexString(sa.params().spi()) + ")");
        }
        int seqLow = Ipv4.getInt(packet, espOff + 4);
        long seqHigh = sa.window.inferHigh(seqLow);
        if (seqHigh < 0) {
            return EspResult.fail(JobStatus.REPLAY, 0, "sequence number " + Integer.toUnsignedString(seqLow)
                    + " falls outside the 64-bit sequence space around the window (RFC 4303 Appendix A2.2)");
        }
        long seq = (seqHigh << 32) | (seqLow & 0xFFFF_FFFFL);
        boolean antiReplay = sa.window.enabled();
        if (antiReplay) {
            ReplayWindow.Verdict verdict = sa.window.check(seq, sa.replayOffByOne);
            if (verdict != ReplayWindow.Verdict.FRESH) {
                return EspResult.fail(JobStatus.REPLAY, seq, verdict == ReplayWindow.Verdict.DUPLICATE
                        ? "sequence number " + Long.toUnsignedString(seq) + " was already received"
                        : "sequence number " + Long.toUnsignedString(seq) + " is left of the window (highest "
                                + Long.toUnsignedString(sa.window.top()) + ", size " + sa.window.size() + ")");
            }
        }

        boolean tunnel = sa.params().mode() == EspMode.TUNNEL;
        int outOff = tunnel ? 0 : espOff;
        byte[] out = new byte[outOff + ctLen];
        try {
            if (!sa.transform.open(sa, seq, packet, espOff, ctLen, out, outOff)) {
                return EspResult.fail(JobStatus.ICV_MISMATCH, seq, "ICV mismatch (" + icvLen + " bytes at offset "
                        + (packet.length - icvLen) + ")");
            }
        } catch (GeneralSecurityException e) {
            return EspResult.fail(JobStatus.ENGINE_FAILED, seq, "the JCE failed to decrypt (" + e.getClass().getSimpleName() + ")");
        }
        // The packet is authentic: its number is used, whatever its padding. The top also moves when
        // anti-replay is off, since ESN inference (RFC 4303 Appendix A2) still needs it.
        sa.window.update(seq);

        int padLen = out[outOff + ctLen - 2] & 0xFF;
        int nextHeader = out[outOff + ctLen - 1] & 0xFF;
        int payLen = ctLen - 2 - padLen;
        if (payLen < 0) {
            return EspResult.fail(JobStatus.BAD_PADDING, seq, "pad length " + padLen + " exceeds the "
                    + (ctLen - 2) + " bytes before it");
        }
        for (int i = 0; i < padLen; i++) {
            int b = out[outOff + payLen + i] & 0xFF;
            if (b != i + 1) {
                return EspResult.fail(JobStatus.BAD_PADDING, seq, "padding byte " + (i + 1) + " of " + padLen + " is "
                        + b + "; RFC 4303 §2.4 requires " + (i + 1));
            }
        }
        if (nextHeader == Ipv4.PROTO_NONE) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, seq, "dummy packet (next header 59) discarded (RFC 4303 §2.6)");
        }
        if (tunnel) {
            if (nextHeader != Ipv4.PROTO_IPV4) {
                return EspResult.fail(JobStatus.MALFORMED_PACKET, seq, "next header " + nextHeader
                        + " in a tunnel-mode SA; only 4 (IPv4) is supported");
            }
            byte[] inner = Arrays.copyOf(out, payLen);
            String innerProblem = Ipv4.problem(inner);
            if (innerProblem != null) {
                return EspResult.fail(JobStatus.MALFORMED_PACKET, seq, "inner packet: " + innerProblem);
            }
            return EspResult.ok(inner, seq);
        }
        System.arraycopy(packet, 0, out, 0, espOff);
        byte[] restored = Arrays.copyOf(out, espOff + payLen);
        Ipv4.rewrite(restored, restored.length, nextHeader);
        return EspResult.ok(restored, seq);
    }

    /**
     * The known-answer self-test a host runs to prove that an engine works (patent op. 302), with
     * no SA, sequence number or ESP framing involved. Definition, which the host's independent
     * reference implements too:
     * <ul>
     * <li>CBC suites: {@code output = C || ICV}, where {@code C} is the raw CBC encryption of
     *     {@code data} under {@code key} and {@code iv} with no padding of any kind ({@code data}
     *     must be a whole number of cipher blocks), and {@code ICV} is the HMAC under
     *     {@code authKey} of {@code iv || C}, truncated to the integrity's ICV length
     *     (empty for {@link Integrity#NONE}).</li>
     * <li>GCM suites: {@code key} is the SA key material (cipher key followed by the 4-byte salt),
     *     {@code iv} the 8-byte explicit IV, nonce = salt || iv, AAD empty, and
     *     {@code output = C || 16-byte tag}. {@code authKey} must be empty.</li>
     * </ul>
     * Bad arguments give MALFORMED_PACKET with a reason naming the lengths.
     */
    public EspResult selfTest(Cipher cipher, Integrity integrity, KeyBytes key, KeyBytes authKey, byte[] iv, byte[] data) {
        return SelfTest.run(cipher, integrity, key, authKey, iv, data);
    }
}
