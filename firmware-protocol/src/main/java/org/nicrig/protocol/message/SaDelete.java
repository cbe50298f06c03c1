package org.nicrig.protocol.message;

/** Clears a slot of the SA table. */
public record SaDelete(int slot) implements Request {
    @Override
    public MessageType type() { return MessageType.SA_DELETE; }
}
