package org.nicrig.host.session;

import java.time.Duration;
import org.nicrig.protocol.message.MessageType;

/** No answer in time, after every retry that was safe to make. */
public final class RequestTimeoutException extends SessionException {
    public RequestTimeoutException(String device, MessageType type, long sequence, Duration timeout, int tries) {
        super(device, type, sequence, "no answer within " + timeout.toMillis() + " ms"
                + (tries > 1 ? " (" + tries + " tries)" : ""), null);
    }
}
