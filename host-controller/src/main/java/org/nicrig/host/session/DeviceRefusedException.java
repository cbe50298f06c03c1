package org.nicrig.host.session;

import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.MessageType;

/** The device answered with an ERROR reply. */
public final class DeviceRefusedException extends SessionException {
    private final ErrorCode code;

    public DeviceRefusedException(String device, MessageType type, long sequence, ErrorReply reply) {
        super(device, type, sequence, "refused: " + reply.code() + (reply.detail().isEmpty() ? "" : " (" + reply.detail() + ")"), null);
        this.code = reply.code();
    }

    public ErrorCode code() {
        return code;
    }
}
