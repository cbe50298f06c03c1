package org.nicrig.host.rig;

/**
 * A device's role hint: {@code primary} names the AFT primary (as {@code team.primary} does);
 * {@code standby} keeps a device from being chosen as the default primary.
 */
public enum DeviceRole {
    PRIMARY,
    STANDBY
}
