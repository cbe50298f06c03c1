package org.nicrig.host.run;

import java.util.Arrays;
import org.nicrig.host.traffic.UdpPacket;

/**
 * The far end's UDP echo: the same datagram back, addresses and ports swapped, so the runner can
 * predict every reply byte for byte. One definition, used by the peer that answers and the
 * runner that checks.
 */
final class Echo {
    private Echo() {
    }

    /** The reply to an IPv4/UDP packet, or null when it is not one. */
    static byte[] reply(byte[] ip) {
        if (ip.length < UdpPacket.IPV4_HEADER + UdpPacket.UDP_HEADER || (ip[0] & 0xFF) != 0x45 || (ip[9] & 0xFF) != UdpPacket.PROTO_UDP) {
            return null;
        }
        byte[] r = Arrays.copyOf(ip, ip.length);
        System.arraycopy(ip, 16, r, 12, 4);
        System.arraycopy(ip, 12, r, 16, 4);
        System.arraycopy(ip, 22, r, 20, 2);
        System.arraycopy(ip, 20, r, 22, 2);
        return r; // the header checksum is unchanged: swapping two 16-bit-aligned words keeps the sum
    }

    /** The flow and packet number the rig stamped into a packet's payload, or null. */
    static long[] stamp(byte[] ip) {
        int at = UdpPacket.IPV4_HEADER + UdpPacket.UDP_HEADER;
        if (ip.length < at + 16 || (ip[9] & 0xFF) != UdpPacket.PROTO_UDP) {
            return null;
        }
        return new long[] {readLong(ip, at), readLong(ip, at + 8)};
    }

    private static long readLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }
}
