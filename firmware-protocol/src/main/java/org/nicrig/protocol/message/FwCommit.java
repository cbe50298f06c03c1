package org.nicrig.protocol.message;

/** Ends the write: the device checks digest and signature before marking the slot bootable. */
public record FwCommit() implements Request {
    @Override
    public MessageType type() { return MessageType.FW_COMMIT; }
}
