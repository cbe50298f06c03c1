package org.nicrig.protocol.message;

/** Every message body. Which way it travels is the sub-interface it belongs to. */
public sealed interface Message permits Request, Response, Event {
    MessageType type();
}
