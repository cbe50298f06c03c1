package org.nicrig.host.team;

/** How a packet leaving through a member without an engine is encrypted elsewhere (patent FIG. 4). */
public enum Fig4Policy {
    /** The capable member returns the ESP packet; the requesting member transmits it. */
    RETURN,
    /** The capable member transmits it itself with its MAC set to the requester's, then restores its own. */
    DIRECT_MAC
}
