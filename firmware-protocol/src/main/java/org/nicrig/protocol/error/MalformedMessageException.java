package org.nicrig.protocol.error;

/** A field of a message holds a value its layout does not allow (an unknown enum code, reserved bits set). */
public final class MalformedMessageException extends ProtocolException {
    public MalformedMessageException(long streamOffset, String what) {
        super(streamOffset, "malformed message: " + what);
    }
}
