package org.nicrig.host.rig;

/**
 * When the preferred primary takes the traffic back after it recovers: Linux bonding's
 * {@code primary_reselect} (Documentation/networking/bonding.rst), same names and meaning.
 */
public enum PrimaryReselect {
    /** As soon as it is back. */
    ALWAYS,
    /** Only if it is better (faster link) than the current active member. */
    BETTER,
    /** Only when the current active member fails. */
    FAILURE
}
