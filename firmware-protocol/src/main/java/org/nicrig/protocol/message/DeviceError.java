package org.nicrig.protocol.message;

/** An error not tied to a request, e.g. a damaged frame the device had to drop (BAD_FRAME). */
public record DeviceError(ErrorCode code, String detail) implements Event {
    @Override
    public MessageType type() { return MessageType.ERROR; }
}
