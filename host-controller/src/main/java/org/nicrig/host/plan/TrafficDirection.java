package org.nicrig.host.plan;

/** Which way team traffic flows, as seen from the team: to the peer, from it, or both (echo). */
public enum TrafficDirection {
    OUTBOUND,
    INBOUND,
    BOTH
}
