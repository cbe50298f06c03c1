package org.nicrig.host.verify;

/**
 * The outer IPv4 header a device builds in tunnel mode, as PROTOCOL.md §5.9 specifies it so that
 * fixed-IV output compares byte for byte: TOS and DF copied from the inner packet (RFC 4301
 * §5.1.2.1), Identification the low 16 bits of the ESP sequence number, TTL 64. RFC 4303 leaves
 * these to the encapsulator; the rig's expectation must name them.
 */
public final class DeviceOuterHeader {
    private DeviceOuterHeader() {
    }

    /** What a conforming device sends for {@code packet} under {@code sequence} and {@code iv}. */
    public static byte[] seal(EspReference ref, byte[] packet, long sequence, byte[] iv) {
        if (ref.sa().mode() == org.nicrig.protocol.message.EspMode.TUNNEL) {
            return ref.seal(packet, sequence, iv, OuterHeader.copiedFrom(packet, (int) (sequence & 0xFFFF)));
        }
        return ref.seal(packet, sequence, iv);
    }
}
