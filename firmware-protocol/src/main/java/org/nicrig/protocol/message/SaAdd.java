package org.nicrig.protocol.message;

/** Installs an SA in a slot of the device's fixed SA table. A full table is an error, never an eviction. */
public record SaAdd(int slot, SaParams sa) implements Request {
    @Override
    public MessageType type() { return MessageType.SA_ADD; }
}
