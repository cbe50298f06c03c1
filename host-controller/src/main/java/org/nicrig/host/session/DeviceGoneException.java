package org.nicrig.host.session;

import org.nicrig.protocol.message.MessageType;

/** The session ended: the transport closed, heartbeats stopped, or the host closed it. */
public final class DeviceGoneException extends SessionException {
    public DeviceGoneException(String device, MessageType type, long sequence, String why, Throwable cause) {
        super(device, type, sequence, "device gone: " + why, cause);
    }
}
