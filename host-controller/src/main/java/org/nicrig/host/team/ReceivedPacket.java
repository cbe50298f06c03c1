package org.nicrig.host.team;

import org.nicrig.protocol.message.JobStatus;

/**
 * A packet the team received (patent FIG. 5).
 *
 * @param member      the member whose port it arrived on
 * @param decryptedBy the member whose engine decrypted it (the same one, another capable one, or null when it was not ESP)
 * @param packet      the IPv4 packet: plaintext when decrypted or never encrypted, else as it arrived
 * @param spi         the ESP SPI, or -1 when it was not ESP
 * @param status      OK, or why decryption failed (then {@code packet} is still encrypted)
 */
public record ReceivedPacket(String member, String decryptedBy, byte[] packet, long spi, JobStatus status) {
}
