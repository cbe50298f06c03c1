package org.nicrig.host.team;

/**
 * How one outbound team packet left.
 *
 * @param egress     the member whose port (or MAC) it left through
 * @param encryptor  the member whose engine encrypted it (null for a plaintext packet)
 * @param esp        the ESP packet as the engine produced it (the plaintext packet when no SA applies)
 * @param sequence   the ESP sequence number (0 for plaintext)
 * @param attempts   members tried, 1 when nothing failed
 */
public record TxOutcome(String egress, String encryptor, byte[] esp, long sequence, int attempts) {
}
