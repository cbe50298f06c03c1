package org.nicrig.protocol.message;

/** Temporarily takes another member's MAC address for transmit and receive filtering (patent FIG. 4). */
public record SetMac(MacAddress mac) implements Request {
    @Override
    public MessageType type() { return MessageType.SET_MAC; }
}
