package org.nicrig.protocol.message;

/**
 * Runs one known-answer transform through the engine (patent op. 302). The host picks key, IV
 * and data and judges the output with its own reference; the device only computes
 * {@code C || ICV} as PROTOCOL.md §5.3 defines, so it cannot pass by replaying a stored answer.
 */
public record SelfTest(Cipher cipher, Integrity integrity, KeyBytes key, KeyBytes authKey, Bytes iv, Bytes data)
        implements Request {
    @Override
    public MessageType type() { return MessageType.SELF_TEST; }
}
