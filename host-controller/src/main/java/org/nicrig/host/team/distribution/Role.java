package org.nicrig.host.team.distribution;

/**
 * A member's role in its team, as the distributor needs to know it.
 *
 * <p>AFT (Adapter Fault Tolerance, like Linux bonding's active-backup) has one {@link #PRIMARY}
 * carrying the team's traffic and {@link #STANDBY} members waiting; ALB (Adaptive Load Balancing,
 * like balance-alb) has only {@link #ACTIVE} members.
 */
public enum Role {
    /** AFT: carries the team's traffic; its engine also encrypts the team's own outbound ESP. */
    PRIMARY,
    /** AFT: waits for a fail-over; its engine is free, so it is a dedicated secondary-use engine. */
    STANDBY,
    /** ALB: carries a share of the team's traffic; every active member is an equal candidate. */
    ACTIVE
}
