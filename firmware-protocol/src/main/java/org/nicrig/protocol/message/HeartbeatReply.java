package org.nicrig.protocol.message;

/** Echo of a heartbeat, with the device's free job credits and its uptime. */
public record HeartbeatReply(long nonce, int creditsFree, long uptimeMillis) implements Response {
    @Override
    public MessageType type() { return MessageType.HEARTBEAT; }
}
