package org.nicrig.host.session;

import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.MessageType;

/** The device answered with an ERROR reply. */
public final class DeviceRefusedException extends SessionException {
    private final ErrorCode code;
    private final String detail;

    public DeviceRefusedException(String device, MessageType type, long sequence, ErrorReply reply) {
        super(device, type, sequence, "refused: " + reply.code() + (reply.detail().isEmpty() ? "" : " (" + reply.detail() + ")"), null);
        this.code = reply.code();
        this.detail = reply.detail();
    }

    public ErrorCode code() {
        return code;
    }

    /** The device's own words for the refusal (may be empty). */
    public String detail() {
        return detail;
    }
}
