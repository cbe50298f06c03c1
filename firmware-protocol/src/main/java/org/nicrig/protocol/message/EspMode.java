package org.nicrig.protocol.message;

/** RFC 4303 §3.1: transport mode protects the upper layer; tunnel mode a whole inner IP packet. */
public enum EspMode {
    TRANSPORT, TUNNEL
}
