package org.nicrig.protocol.image;

import java.util.Objects;
import org.nicrig.protocol.message.Cipher;

/** One cipher the firmware offers, and how fast its engine runs it, in bytes of packet per second. */
public record CipherRate(Cipher cipher, long bytesPerSecond) {
    public CipherRate {
        Objects.requireNonNull(cipher, "cipher");
        if (bytesPerSecond < 0 || bytesPerSecond > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("rate of " + cipher + " outside 0..2^32-1 bytes/s: " + bytesPerSecond);
        }
    }
}
