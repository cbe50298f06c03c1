package org.nicrig.protocol.message;

/** Sends a raw Ethernet frame out of this member's port, as it is. */
public record Transmit(Bytes frame) implements Request {
    @Override
    public MessageType type() { return MessageType.TRANSMIT; }
}
