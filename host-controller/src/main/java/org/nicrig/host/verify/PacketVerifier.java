package org.nicrig.host.verify;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nicrig.protocol.message.SaParams;

/**
 * The rig's verifier: one {@link SaVerifier} per installed SA, keyed by SPI, and a
 * {@link VerdictTally} of every verdict by member and by SA. The caller says which SA a packet was
 * meant to use; a packet whose header carries another SPI fails {@link Check#SPI}.
 */
public final class PacketVerifier {
    private final Map<Long, SaVerifier> sas = new ConcurrentHashMap<>();
    private final VerdictTally tally = new VerdictTally();
    private final int ivWindow;

    public PacketVerifier() {
        this(SaVerifier.DEFAULT_IV_WINDOW);
    }

    public PacketVerifier(int ivWindow) {
        this.ivWindow = ivWindow;
    }

    /**
     * Starts verifying an SA. Installing the same SA again keeps its state (an SA moved between
     * members at fail-over is still one SA); a different SA under a used SPI is refused.
     */
    public SaVerifier install(SaParams sa) {
        SaVerifier verifier = sas.computeIfAbsent(sa.spi(), spi -> new SaVerifier(sa, ivWindow));
        if (!verifier.reference().sa().equals(sa)) {
            throw new IllegalArgumentException("SPI " + Hex.spi(sa.spi()) + " is already installed with other parameters");
        }
        return verifier;
    }

    /** Forgets an SA (deleted, rekeyed); a later SA may reuse its SPI. */
    public void remove(long spi) {
        sas.remove(spi);
    }

    public Verdict verify(String member, long spi, byte[] sent, byte[] espPacket) {
        Verdict verdict = sa(spi).verify(member, sent, espPacket);
        tally.add(verdict);
        return verdict;
    }

    public Verdict verifyFixedIv(String member, long spi, byte[] sent, byte[] espPacket,
                                 long expectedSequence, byte[] expectedIv) {
        Verdict verdict = sa(spi).verifyFixedIv(member, sent, espPacket, expectedSequence, expectedIv);
        tally.add(verdict);
        return verdict;
    }

    public VerdictTally tally() {
        return tally;
    }

    private SaVerifier sa(long spi) {
        SaVerifier verifier = sas.get(spi);
        if (verifier == null) {
            throw new IllegalStateException("no SA installed with SPI " + Hex.spi(spi));
        }
        return verifier;
    }
}
