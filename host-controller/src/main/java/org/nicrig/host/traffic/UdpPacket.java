package org.nicrig.host.traffic;

import java.util.SplittableRandom;

/**
 * Builds the IPv4/UDP packets the rig sends (RFC 791, RFC 768), with a payload drawn from a
 * seeded generator so a run's traffic replays exactly. The UDP checksum is left 0, which IPv4
 * allows (RFC 768): the ESP ICV is what protects these packets.
 */
public final class UdpPacket {
    public static final int IPV4_HEADER = 20;
    public static final int UDP_HEADER = 8;
    public static final int PROTO_UDP = 17;

    private UdpPacket() {
    }

    /**
     * @param totalLength whole IPv4 packet length, at least 28
     * @param flowId      stamped into the first 8 payload bytes (when there is room) with the packet number,
     *                    so a verifier or the far-end peer can tell packets apart
     */
    public static byte[] build(int source, int destination, int sourcePort, int destinationPort, int totalLength,
                               long flowId, long packetNumber, SplittableRandom random) {
        if (totalLength < IPV4_HEADER + UDP_HEADER || totalLength > 0xFFFF) {
            throw new IllegalArgumentException("IPv4/UDP packet length must be 28..65535: " + totalLength);
        }
        byte[] p = new byte[totalLength];
        p[0] = 0x45;
        put16(p, 2, totalLength);
        put16(p, 4, (int) packetNumber);
        p[6] = 0x40; // DF
        p[8] = 64;   // TTL
        p[9] = PROTO_UDP;
        put32(p, 12, source);
        put32(p, 16, destination);
        put16(p, 10, headerChecksum(p));
        put16(p, 20, sourcePort);
        put16(p, 22, destinationPort);
        put16(p, 24, totalLength - IPV4_HEADER);
        int payload = IPV4_HEADER + UDP_HEADER;
        int i = payload;
        if (totalLength - payload >= 16) {
            put32(p, payload, (int) (flowId >>> 32));
            put32(p, payload + 4, (int) flowId);
            put32(p, payload + 8, (int) (packetNumber >>> 32));
            put32(p, payload + 12, (int) packetNumber);
            i += 16;
        }
        for (; i < totalLength; i++) {
            p[i] = (byte) random.nextInt(256);
        }
        return p;
    }

    /** RFC 1071 checksum of the 20-byte header with its checksum field zero. */
    static int headerChecksum(byte[] p) {
        int sum = 0;
        for (int i = 0; i < IPV4_HEADER; i += 2) {
            if (i != 10) {
                sum += ((p[i] & 0xFF) << 8) | (p[i + 1] & 0xFF);
            }
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }

    /** Parses dotted-quad IPv4 text into an int. */
    public static int address(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
        }
        int v = 0;
        for (String part : parts) {
            int o = Integer.parseInt(part);
            if (o < 0 || o > 255) {
                throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
            }
            v = (v << 8) | o;
        }
        return v;
    }

    private static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    private static void put32(byte[] b, int i, int v) {
        put16(b, i, v >>> 16);
        put16(b, i + 2, v);
    }
}
