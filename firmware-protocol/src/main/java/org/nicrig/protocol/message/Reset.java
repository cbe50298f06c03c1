package org.nicrig.protocol.message;

/** Resets the device: SAs, MAC override and queued jobs are gone; a RESET event follows. */
public record Reset() implements Request {
    @Override
    public MessageType type() { return MessageType.RESET; }
}
