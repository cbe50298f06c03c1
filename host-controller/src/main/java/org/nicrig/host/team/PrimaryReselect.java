package org.nicrig.host.team;

/** When the configured primary comes back, does it take over again? (bonding's primary_reselect) */
public enum PrimaryReselect {
    /** Always: the primary becomes active whenever it is healthy. */
    ALWAYS,
    /** Only if it is better than the current active member (faster link, or an engine where the active has none). */
    BETTER,
    /** Only when the current active member fails. */
    FAILURE
}
