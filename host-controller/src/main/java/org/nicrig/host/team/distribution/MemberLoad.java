package org.nicrig.host.team.distribution;

import java.util.Objects;

/**
 * One member's state as the distributor sees it at the moment of a decision: a snapshot the team
 * builds from what the host knows (what it advertised, what the host has sent it and not yet had
 * back), never from what the device is doing right now.
 *
 * @param memberId         the member's name in the team (unique within one snapshot)
 * @param role             PRIMARY or STANDBY in an AFT team, ACTIVE in an ALB team
 * @param engineRate       the engine's advertised throughput, bytes per second (0 = no engine)
 * @param outstandingBytes bytes of secondary-use jobs sent to this engine and not yet answered
 * @param credits          jobs the device will still accept: its queue depth minus jobs outstanding
 * @param linkUp           whether the member's link is up; a link-down member's engine still serves
 *                         secondary use (design.md, "Secondary use"), so this is informational for
 *                         every policy except {@link PrimaryOnlyDistributor} in an ALB team
 * @param engineHealthy    false once the engine has failed (ENGINE_FAIL, a failed self-test)
 * @param teamTrafficLoad  bytes per second of the engine's rate that the team's own traffic uses,
 *                         e.g. the AFT primary encrypting the team's outbound ESP
 */
public record MemberLoad(
        String memberId,
        Role role,
        long engineRate,
        long outstandingBytes,
        int credits,
        boolean linkUp,
        boolean engineHealthy,
        long teamTrafficLoad) {

    public MemberLoad {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(role, "role");
        requireNonNegative(engineRate, "engineRate", memberId);
        requireNonNegative(outstandingBytes, "outstandingBytes", memberId);
        requireNonNegative(credits, "credits", memberId);
        requireNonNegative(teamTrafficLoad, "teamTrafficLoad", memberId);
    }

    private static void requireNonNegative(long value, String field, String memberId) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    "member " + memberId + ": " + field + " must be >= 0, was " + value);
        }
    }

    /** The rate left for secondary use: engine rate minus what the team's own traffic takes. */
    public long availableRate() {
        return Math.max(0, engineRate - teamTrafficLoad);
    }

    /** Whether this engine can do secondary-use work at all (credits aside). Link state is ignored. */
    public boolean canServe() {
        return engineHealthy && availableRate() > 0;
    }

    public boolean hasCredit() {
        return credits > 0;
    }

    /**
     * Seconds until a job of {@code jobBytes} sent now would be done, if the engine works through
     * what is outstanding first at its available rate: (outstanding + job) / available rate.
     * Infinite when the engine has no rate left.
     */
    public double expectedCompletionSeconds(long jobBytes) {
        long rate = availableRate();
        return rate == 0 ? Double.POSITIVE_INFINITY : (outstandingBytes + jobBytes) / (double) rate;
    }
}
