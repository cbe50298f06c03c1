package org.nicrig.protocol.message;

import java.util.List;

/**
 * What a device's engine offers (IDENTIFY). {@code secondaryUse} is the device granting the
 * host use of its engine for jobs outside its own traffic — a claim the host proves with
 * SELF_TEST before it believes it (patent op. 302).
 *
 * @param credits how many jobs the device queues at once; the host never has more outstanding
 */
public record Capabilities(boolean engine, boolean secondaryUse, int maxSas, int maxJobSize, int credits,
                           List<Cipher> ciphers, List<Integrity> integrities) {
    public static final Capabilities NONE = new Capabilities(false, false, 0, 0, 0, List.of(), List.of());

    public Capabilities {
        ciphers = List.copyOf(ciphers);
        integrities = List.copyOf(integrities);
    }
}
