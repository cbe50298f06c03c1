package org.nicrig.host.team;

/** Receives team events and packets the team received. Called on the team's own thread: be quick. */
public interface TeamListener {
    default void onEvent(TeamEvent event) {
    }

    default void onReceive(ReceivedPacket packet) {
    }
}
