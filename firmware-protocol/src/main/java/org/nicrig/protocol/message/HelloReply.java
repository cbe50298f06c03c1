package org.nicrig.protocol.message;

/** The version the device chose from the host's range, and the largest payload it accepts. */
public record HelloReply(int version, int maxPayload) implements Response {
    @Override
    public MessageType type() { return MessageType.HELLO; }
}
