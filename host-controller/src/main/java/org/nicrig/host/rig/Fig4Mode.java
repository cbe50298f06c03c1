package org.nicrig.host.rig;

/**
 * How a member without an engine gets its outbound packets encrypted (patent FIG. 4): the
 * capable member encrypts and either returns the packet, or sends it itself with its MAC address
 * temporarily set to the requester's so that replies reach the requester.
 */
public enum Fig4Mode {
    RETURN,
    DIRECT_MAC
}
