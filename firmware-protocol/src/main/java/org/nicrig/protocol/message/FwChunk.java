package org.nicrig.protocol.message;

/** One piece of the image at {@code offset}; chunks arrive in order. */
public record FwChunk(long offset, Bytes data) implements Request {
    @Override
    public MessageType type() { return MessageType.FW_CHUNK; }
}
