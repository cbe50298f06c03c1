package org.nicrig.host.traffic;

import java.util.Arrays;
import org.nicrig.protocol.message.MacAddress;

/** Ethernet II framing of IPv4 packets on the host side (IEEE 802.3, EtherType 0x0800). */
public final class Ethernet {
    public static final int HEADER = 14;
    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int PROTO_ESP = 50;

    private Ethernet() {
    }

    public static byte[] frame(MacAddress destination, MacAddress source, byte[] ipPacket) {
        byte[] f = new byte[HEADER + ipPacket.length];
        destination.writeTo(f, 0);
        source.writeTo(f, 6);
        f[12] = (byte) (ETHERTYPE_IPV4 >>> 8);
        f[13] = (byte) ETHERTYPE_IPV4;
        System.arraycopy(ipPacket, 0, f, HEADER, ipPacket.length);
        return f;
    }

    public static boolean isIpv4(byte[] frame) {
        return frame.length >= HEADER + 20 && ((frame[12] & 0xFF) << 8 | (frame[13] & 0xFF)) == ETHERTYPE_IPV4;
    }

    public static MacAddress destination(byte[] frame) {
        return MacAddress.fromBytes(frame, 0);
    }

    public static MacAddress source(byte[] frame) {
        return MacAddress.fromBytes(frame, 6);
    }

    public static byte[] ipPacket(byte[] frame) {
        return Arrays.copyOfRange(frame, HEADER, frame.length);
    }

    /** IPv4 protocol number of a packet. */
    public static int protocol(byte[] ip) {
        return ip[9] & 0xFF;
    }

    /** The SPI of an IPv4 ESP packet (RFC 4303 §2.1), or -1 when it is not one. */
    public static long espSpi(byte[] ip) {
        if (ip.length < 20 || protocol(ip) != PROTO_ESP) {
            return -1;
        }
        int at = (ip[0] & 0x0F) * 4;
        if (ip.length < at + 8) {
            return -1;
        }
        return ((ip[at] & 0xFFL) << 24) | ((ip[at + 1] & 0xFFL) << 16) | ((ip[at + 2] & 0xFFL) << 8) | (ip[at + 3] & 0xFFL);
    }

    /** The ESP sequence number (low 32 bits on the wire), or -1. */
    public static long espSequence(byte[] ip) {
        if (espSpi(ip) < 0) {
            return -1;
        }
        int at = (ip[0] & 0x0F) * 4 + 4;
        return ((ip[at] & 0xFFL) << 24) | ((ip[at + 1] & 0xFFL) << 16) | ((ip[at + 2] & 0xFFL) << 8) | (ip[at + 3] & 0xFFL);
    }
}
