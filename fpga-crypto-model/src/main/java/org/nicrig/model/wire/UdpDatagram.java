package org.nicrig.model.wire;

import java.util.Objects;
import java.util.Optional;
import org.nicrig.protocol.message.Bytes;

/**
 * A UDP datagram (RFC 768) in an IPv4 packet (RFC 791) with a plain 20-byte header: what the
 * far-end peer echoes and what tests send through a team.
 */
public record UdpDatagram(Ipv4Address source, Ipv4Address destination, int sourcePort, int destinationPort, Bytes payload) {
    public static final int PROTOCOL = 17;
    private static final int IP_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final int TTL = 64;

    public UdpDatagram {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
        if ((sourcePort & ~0xFFFF) != 0 || (destinationPort & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("UDP ports are 0..65535: " + sourcePort + ", " + destinationPort);
        }
        if (payload.length() > 0xFFFF - IP_HEADER - UDP_HEADER) {
            throw new IllegalArgumentException("UDP payload of " + payload.length() + " bytes does not fit an IPv4 packet");
        }
    }

    /** The answer an echo service sends: addresses and ports swapped, same payload. */
    public UdpDatagram reply() {
        return new UdpDatagram(destination, source, destinationPort, sourcePort, payload);
    }

    /** The IPv4 packet: header with checksum, DF set, TTL 64; UDP with its checksum over the pseudo-header. */
    public byte[] toPacket() {
        int udpLength = UDP_HEADER + payload.length();
        byte[] p = new byte[IP_HEADER + udpLength];
        p[0] = 0x45;
        putShort(p, 2, p.length);
        p[6] = 0x40; // DF
        p[8] = (byte) TTL;
        p[9] = (byte) PROTOCOL;
        putInt(p, 12, source.value());
        putInt(p, 16, destination.value());
        putShort(p, 10, checksum(p, 0, IP_HEADER, 0));
        putShort(p, IP_HEADER, sourcePort);
        putShort(p, IP_HEADER + 2, destinationPort);
        putShort(p, IP_HEADER + 4, udpLength);
        payload.copyTo(p, IP_HEADER + UDP_HEADER);
        int sum = checksum(p, IP_HEADER, udpLength, pseudoHeaderSum(udpLength));
        putShort(p, IP_HEADER + 6, sum == 0 ? 0xFFFF : sum); // RFC 768: a computed 0 is sent as all ones
        return p;
    }

    /**
     * The datagram in {@code packet}, or empty when the bytes are not a whole, unfragmented
     * IPv4/UDP packet with correct lengths (trailing bytes past the IPv4 total length, such as
     * Ethernet padding, are ignored). Checksums are not checked: the peer answers what arrives.
     */
    public static Optional<UdpDatagram> parse(byte[] packet) {
        if (packet.length < IP_HEADER || (packet[0] & 0xF0) != 0x40 || (packet[9] & 0xFF) != PROTOCOL) {
            return Optional.empty();
        }
        int ihl = (packet[0] & 0x0F) * 4;
        int total = getShort(packet, 2);
        boolean fragment = ((packet[6] & 0x3F) | packet[7]) != 0;
        if (ihl < IP_HEADER || total > packet.length || total < ihl + UDP_HEADER || fragment) {
            return Optional.empty();
        }
        int udpLength = getShort(packet, ihl + 4);
        if (udpLength < UDP_HEADER || ihl + udpLength > total) {
            return Optional.empty();
        }
        return Optional.of(new UdpDatagram(new Ipv4Address(getInt(packet, 12)), new Ipv4Address(getInt(packet, 16)),
                getShort(packet, ihl), getShort(packet, ihl + 2),
                Bytes.copyOf(packet, ihl + UDP_HEADER, udpLength - UDP_HEADER)));
    }

    private int pseudoHeaderSum(int udpLength) {
        int s = source.value();
        int d = destination.value();
        return (s >>> 16) + (s & 0xFFFF) + (d >>> 16) + (d & 0xFFFF) + PROTOCOL + udpLength;
    }

    /** The Internet checksum (RFC 1071) of {@code length} bytes from {@code offset}, starting from {@code initial}. */
    static int checksum(byte[] p, int offset, int length, int initial) {
        long sum = initial;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((p[offset + i] & 0xFF) << 8) | (p[offset + i + 1] & 0xFF);
        }
        if ((length & 1) != 0) {
            sum += (p[offset + length - 1] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    private static void putShort(byte[] p, int at, int v) {
        p[at] = (byte) (v >>> 8);
        p[at + 1] = (byte) v;
    }

    private static void putInt(byte[] p, int at, int v) {
        putShort(p, at, v >>> 16);
        putShort(p, at + 2, v);
    }

    private static int getShort(byte[] p, int at) {
        return ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
    }

    private static int getInt(byte[] p, int at) {
        return (getShort(p, at) << 16) | getShort(p, at + 2);
    }
}
