package org.nicrig.host.session;

import org.nicrig.protocol.message.Event;
import org.nicrig.protocol.message.Response;

/** What a session tells the layer above: unsolicited events, and its end. */
public interface SessionListener {
    default void onEvent(DeviceSession session, Event event) {
    }

    /** A response that matched nothing pending (a late answer after a timeout, or a duplicate): dropped. */
    default void onLateResponse(DeviceSession session, long sequence, Response response) {
    }

    /** The device stopped answering; pending requests have failed. The session keeps probing. */
    default void onSilent(DeviceSession session, String why) {
    }

    /** A silent device answers again. */
    default void onBack(DeviceSession session) {
    }

    /** The device is gone (transport closed, heartbeats lost); pending requests have failed. */
    default void onGone(DeviceSession session, String why) {
    }
}
