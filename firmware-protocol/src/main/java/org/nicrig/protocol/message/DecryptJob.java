package org.nicrig.protocol.message;

/** Verifies and decrypts one ESP packet with the inbound SA in {@code slot} (RFC 4303 §3.4). */
public record DecryptJob(long jobId, int slot, Bytes packet) implements Request {
    @Override
    public MessageType type() { return MessageType.DECRYPT_JOB; }
}
