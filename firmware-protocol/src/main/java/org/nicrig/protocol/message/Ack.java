package org.nicrig.protocol.message;

import java.util.Objects;

/** The empty success reply of a request whose answer carries no data (SA_ADD, SET_MAC, ...). */
public record Ack(MessageType about) implements Response {
    public Ack {
        Objects.requireNonNull(about, "about");
    }

    @Override
    public MessageType type() { return about; }
}
