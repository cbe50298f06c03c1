package org.nicrig.host.team.distribution.simulation;

/** The team's mode, which decides the members' roles and where the team's own traffic is encrypted. */
public enum TeamMode {
    /** Adapter Fault Tolerance: one primary carries all team traffic, the others stand by. */
    AFT,
    /** Adaptive Load Balancing: team traffic spread over every member whose link is up. */
    ALB
}
