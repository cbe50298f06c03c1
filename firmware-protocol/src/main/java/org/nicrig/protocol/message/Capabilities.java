package org.nicrig.protocol.message;

import java.util.List;

/**
 * What a device's engine offers (IDENTIFY). {@code secondaryUse} is the device granting the
 * host use of its engine for jobs outside its own traffic — a claim the host proves with
 * SELF_TEST before it believes it (patent op. 302).
 *
 * @param credits    how many jobs the device queues at once; the host never has more outstanding
 * @param engineRate the engine's throughput in bytes per second for its fastest suite, as the
 *                   host's distributor weighs members by it (0xFFFFFFFF: faster than that)
 */
public record Capabilities(boolean engine, boolean secondaryUse, int maxSas, int maxJobSize, int credits,
                           List<Cipher> ciphers, List<Integrity> integrities, long engineRate) {
    public static final Capabilities NONE = new Capabilities(false, false, 0, 0, 0, List.of(), List.of(), 0);
    public static final long MAX_RATE = 0xFFFF_FFFFL;

    /** Without an advertised rate (the distributor then treats the engine as the slowest). */
    public Capabilities(boolean engine, boolean secondaryUse, int maxSas, int maxJobSize, int credits,
                        List<Cipher> ciphers, List<Integrity> integrities) {
        this(engine, secondaryUse, maxSas, maxJobSize, credits, ciphers, integrities, 0);
    }

    public Capabilities {
        ciphers = List.copyOf(ciphers);
        integrities = List.copyOf(integrities);
    }
}
