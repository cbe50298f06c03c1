package org.nicrig.protocol.message;

/** The member's link went up (with its speed) or down. */
public record LinkChange(boolean up, int speedMbps) implements Event {
    @Override
    public MessageType type() { return MessageType.LINK; }
}
