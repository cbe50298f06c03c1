package org.nicrig.protocol.message;

/** Starts writing a firmware image of {@code imageLength} bytes to the inactive slot (FIRMWARE-IMAGE.md). */
public record FwBegin(long imageLength, Bytes imageDigest) implements Request {
    @Override
    public MessageType type() { return MessageType.FW_BEGIN; }
}
