package org.nicrig.host.session;

import org.nicrig.protocol.message.Event;

/** What a session tells the layer above: unsolicited events, and its end. */
public interface SessionListener {
    default void onEvent(DeviceSession session, Event event) {
    }

    /** The device is gone (transport closed, heartbeats lost); pending requests have failed. */
    default void onGone(DeviceSession session, String why) {
    }
}
