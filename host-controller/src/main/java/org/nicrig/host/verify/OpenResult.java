package org.nicrig.host.verify;

import java.util.Objects;
import org.nicrig.protocol.message.Bytes;

/**
 * What {@link EspReference} made of an ESP packet: {@link Opened} with its contents, or
 * {@link Rejected} with the first check that failed, in RFC 4303 §3.4 order (length, SA, ICV,
 * then decryption and the trailer).
 */
public sealed interface OpenResult {

    /** SPI read from the packet, or -1 if it was too short to hold one. */
    long spi();

    /** 64-bit sequence number (ESN high bits as supplied), or -1 if unreadable. */
    long sequence();

    /**
     * The ICV verified and the trailer is well formed.
     *
     * @param iv         the IV as carried in the packet
     * @param payload    the protected data, without padding, Pad Length and Next Header
     * @param padLength  the Pad Length field
     * @param nextHeader the Next Header field
     * @param packet     from {@link EspReference#open}: the original IPv4 packet (transport mode,
     *                   rebuilt) or the inner one (tunnel mode); from
     *                   {@link EspReference#openEsp}: the payload again
     */
    record Opened(long spi, long sequence, Bytes iv, Bytes payload, int padLength, int nextHeader,
                  Bytes packet) implements OpenResult {
        public Opened {
            Objects.requireNonNull(iv, "iv");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(packet, "packet");
        }
    }

    /** A check failed; nothing after it was trusted or tried. */
    record Rejected(long spi, long sequence, Failure failure) implements OpenResult {
        public Rejected {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
