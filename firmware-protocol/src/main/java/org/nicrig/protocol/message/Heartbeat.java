package org.nicrig.protocol.message;

/** Liveness probe; the reply echoes the nonce. */
public record Heartbeat(long nonce) implements Request {
    @Override
    public MessageType type() { return MessageType.HEARTBEAT; }
}
