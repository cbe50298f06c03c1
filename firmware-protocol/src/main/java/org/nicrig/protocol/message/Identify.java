package org.nicrig.protocol.message;

/** Asks for the device's identity and capabilities (patent op. 300). */
public record Identify() implements Request {
    @Override
    public MessageType type() { return MessageType.IDENTIFY; }
}
