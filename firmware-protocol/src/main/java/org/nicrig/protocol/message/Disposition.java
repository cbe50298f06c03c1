package org.nicrig.protocol.message;

/** What a capable member does with an encrypted packet (patent FIG. 4). */
public enum Disposition {
    /** Return the ESP packet to the host, which transmits it through the requesting member. */
    RETURN,
    /** Transmit it from this member's port, with its MAC temporarily set to the requester's. */
    TRANSMIT
}
