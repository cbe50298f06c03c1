package org.nicrig.model.wire;

/** An Ethernet segment: ports transmit frames onto it and receive what their MAC filter accepts. */
public interface Wire {
    /** Attaches a port; {@code receiver} is called for every frame another port sends. */
    WirePort attach(String name, WirePort.Receiver receiver);

    void addTap(WireTap tap);

    void removeTap(WireTap tap);
}
