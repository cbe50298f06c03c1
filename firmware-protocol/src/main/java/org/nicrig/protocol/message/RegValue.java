package org.nicrig.protocol.message;

/** A register's value. */
public record RegValue(long address, long value) implements Response {
    @Override
    public MessageType type() { return MessageType.REG_READ; }
}
