package org.nicrig.protocol.message;

/** Opens a session: the host offers the versions it speaks (PROTOCOL.md §4). Always sent in version 1. */
public record Hello(int minVersion, int maxVersion) implements Request {
    public Hello {
        if (minVersion < 1 || maxVersion > 15 || minVersion > maxVersion) {
            throw new IllegalArgumentException("versions must satisfy 1 <= min <= max <= 15: " + minVersion + ".." + maxVersion);
        }
    }

    @Override
    public MessageType type() { return MessageType.HELLO; }
}
