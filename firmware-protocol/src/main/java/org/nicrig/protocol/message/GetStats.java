package org.nicrig.protocol.message;

/** Asks for the device's counters. */
public record GetStats() implements Request {
    @Override
    public MessageType type() { return MessageType.STATS; }
}
