package org.nicrig.protocol.message;

/** Writes a 32-bit device register. */
public record RegWrite(long address, long value) implements Request {
    @Override
    public MessageType type() { return MessageType.REG_WRITE; }
}
