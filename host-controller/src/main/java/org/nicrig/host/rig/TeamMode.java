package org.nicrig.host.rig;

/**
 * How the team presents its members (design.md, "Where it comes from"). Linux bonding's nearest
 * modes are active-backup and balance-alb.
 */
public enum TeamMode {
    /** Adapter Fault Tolerance: one primary carries the traffic, the others stand by. */
    AFT,
    /** Adaptive Load Balancing: transmit is balanced over every healthy member. */
    ALB
}
