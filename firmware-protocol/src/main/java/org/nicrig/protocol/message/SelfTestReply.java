package org.nicrig.protocol.message;

/** The engine's output for a SELF_TEST: ciphertext followed by the ICV. */
public record SelfTestReply(Bytes output) implements Response {
    @Override
    public MessageType type() { return MessageType.SELF_TEST; }
}
