package org.nicrig.protocol.message;

import java.util.Objects;

/**
 * A security association as SA_ADD installs it. Keys are {@link KeyBytes}, so printing an SA
 * never prints its keys.
 *
 * @param spi                32-bit Security Parameters Index (RFC 4303 §2.1)
 * @param esn                extended (64-bit) sequence numbers, RFC 4303 §2.2.1
 * @param replayWindow       anti-replay window in packets for an inbound SA (0 disables the check)
 * @param tunnelSource       IPv4 outer source address in tunnel mode, else 0
 * @param tunnelDestination  IPv4 outer destination address in tunnel mode, else 0
 * @param encryptionKey      cipher key, plus the 4-byte salt for GCM (RFC 4106 §8.1)
 * @param authenticationKey  HMAC key, empty for an AEAD cipher
 */
public record SaParams(
        long spi,
        Direction direction,
        EspMode mode,
        Cipher cipher,
        Integrity integrity,
        boolean esn,
        int replayWindow,
        int tunnelSource,
        int tunnelDestination,
        KeyBytes encryptionKey,
        KeyBytes authenticationKey) {

    public SaParams {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(authenticationKey, "authenticationKey");
        if (spi < 0 || spi > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SPI must fit in 32 bits: " + spi);
        }
        if (replayWindow < 0 || replayWindow > 0xFFFF) {
            throw new IllegalArgumentException("replay window must be 0..65535: " + replayWindow);
        }
    }

    /** The ICV length on the wire: the AEAD tag, or the truncated HMAC. */
    public int icvLength() {
        return cipher.isAead() ? cipher.aeadIcvLength() : integrity.icvLength();
    }
}
