package org.nicrig.protocol.message;

/** Which way an SA protects traffic, as seen by the device that holds it. */
public enum Direction {
    INBOUND, OUTBOUND
}
