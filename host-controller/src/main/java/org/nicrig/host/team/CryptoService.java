package org.nicrig.host.team;

import java.util.concurrent.CompletableFuture;

/**
 * The team's engines offered to the OS and applications (patent claims 6, 7, 13, 14): each job is
 * encrypted exactly once, on the member the team's distributor picks by current workload
 * (FIG. 6), or fails with a reason — never hangs. Announced only when at least one engine passed
 * its self-test (op. 306).
 */
public final class CryptoService {
    private final Team team;

    CryptoService(Team team) {
        this.team = team;
    }

    /**
     * Encrypts one IPv4 packet with an outbound team SA. The future completes once: with the
     * engine's result, or exceptionally with the reason no engine could do it.
     */
    public CompletableFuture<JobOutcome> submit(TeamSa sa, byte[] packet) {
        if (!sa.outbound()) {
            throw new IllegalArgumentException(sa + " is inbound; secondary-use encryption needs an outbound SA");
        }
        return team.submitSecondary(sa, packet);
    }
}
