package org.nicrig.protocol.message;

/** Reads a 32-bit device register. */
public record RegRead(long address) implements Request {
    @Override
    public MessageType type() { return MessageType.REG_READ; }
}
