package org.nicrig.protocol.error;

/** A length field disagrees with the bytes present: header length vs payload, or a field past the end. */
public final class BadLengthException extends ProtocolException {
    public BadLengthException(long streamOffset, String what) {
        super(streamOffset, "bad length: " + what);
    }
}
