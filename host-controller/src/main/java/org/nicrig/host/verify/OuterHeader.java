package org.nicrig.host.verify;

/**
 * The fields of a tunnel-mode outer IPv4 header that the sender chooses rather than the SA
 * (RFC 4301 §5.1.2.1): TOS, identification, flags/fragment offset and TTL. Source and destination
 * come from the SA's tunnel endpoints. To compare a device's tunnel-mode packet byte for byte the
 * verifier takes these from the device's own packet ({@link #of}), so that only what the SA and the
 * plaintext determine is compared.
 *
 * @param tos              type of service (DSCP + ECN) byte
 * @param identification   the 16-bit identification field
 * @param flagsAndFragment the 16-bit flags + fragment offset field
 * @param ttl              time to live
 */
public record OuterHeader(int tos, int identification, int flagsAndFragment, int ttl) {

    /** TTL for a fresh outer header when the caller has no other preference (RFC 1700's default). */
    public static final int DEFAULT_TTL = 64;
    private static final int DF = 0x4000;

    public OuterHeader {
        if ((tos & ~0xff) != 0 || (identification & ~0xffff) != 0
                || (flagsAndFragment & ~0xffff) != 0 || ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("outer header field out of range: " + this);
        }
    }

    /** Reads these fields from an existing IPv4 packet (e.g. the device's output). */
    public static OuterHeader of(byte[] ipv4Packet) {
        if (ipv4Packet.length < Ipv4.MIN_HEADER) {
            throw new IllegalArgumentException("not an IPv4 packet: " + ipv4Packet.length + " bytes");
        }
        return new OuterHeader(Ipv4.u8(ipv4Packet, 1), Ipv4.u16(ipv4Packet, 4),
                Ipv4.u16(ipv4Packet, 6), Ipv4.u8(ipv4Packet, 8));
    }

    /**
     * A fresh outer header for {@code inner}: TOS and DF copied from it (RFC 4301 §5.1.2.1, the
     * "copy" DF policy), the given identification, TTL {@value #DEFAULT_TTL}.
     */
    public static OuterHeader copiedFrom(byte[] inner, int identification) {
        return new OuterHeader(Ipv4.u8(inner, 1), identification, Ipv4.u16(inner, 6) & DF, DEFAULT_TTL);
    }
}
