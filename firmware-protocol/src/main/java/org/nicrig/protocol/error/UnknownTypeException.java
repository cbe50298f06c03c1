package org.nicrig.protocol.error;

/** The header names a message type (or a type/kind pairing) this side does not know. */
public final class UnknownTypeException extends ProtocolException {
    private final int typeCode;

    public UnknownTypeException(long streamOffset, int typeCode, String what) {
        super(streamOffset, String.format("unknown message type 0x%02x%s", typeCode, what.isEmpty() ? "" : " (" + what + ")"));
        this.typeCode = typeCode;
    }

    public int typeCode() { return typeCode; }
}
