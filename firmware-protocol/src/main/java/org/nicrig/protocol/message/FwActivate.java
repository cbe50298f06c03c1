package org.nicrig.protocol.message;

/** Reboots into the committed slot; falls back to the old one if its self-test fails. */
public record FwActivate() implements Request {
    @Override
    public MessageType type() { return MessageType.FW_ACTIVATE; }
}
