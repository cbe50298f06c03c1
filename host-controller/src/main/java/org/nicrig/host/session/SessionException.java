package org.nicrig.host.session;

import org.nicrig.protocol.message.MessageType;

/**
 * A request that did not get a good answer. The message names the device, the message type and
 * the sequence number, so a log line alone says which exchange failed.
 */
public abstract sealed class SessionException extends Exception
        permits RequestTimeoutException, DeviceRefusedException, DeviceGoneException {

    private final String device;
    private final MessageType type;
    private final long sequence;

    protected SessionException(String device, MessageType type, long sequence, String what, Throwable cause) {
        super(device + ": " + (type == null ? "" : type + " seq " + sequence + ": ") + what, cause);
        this.device = device;
        this.type = type;
        this.sequence = sequence;
    }

    public String device() { return device; }

    /** Null when the failure is not about one request. */
    public MessageType type() { return type; }

    public long sequence() { return sequence; }
}
