package org.nicrig.host.team;

/** How the team presents its members (the vocabulary of Linux bonding, which users already know). */
public enum TeamMode {
    /** Adapter Fault Tolerance: one active (primary) member carries traffic, standbys wait (bonding active-backup). */
    AFT,
    /** Adaptive Load Balancing: transmit spread over all healthy members by flow (bonding balance-alb). */
    ALB
}
