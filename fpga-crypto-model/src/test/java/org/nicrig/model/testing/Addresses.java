package org.nicrig.model.testing;

import org.nicrig.model.wire.Ipv4Address;
import org.nicrig.model.wire.UdpDatagram;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.MacAddress;

/** Addresses for tests: locally administered MACs and the RFC 5737 documentation range. */
public final class Addresses {
    public static final MacAddress NIC_A = MacAddress.parse("02:00:00:00:00:0a");
    public static final MacAddress NIC_B = MacAddress.parse("02:00:00:00:00:0b");
    public static final MacAddress PEER_MAC = MacAddress.parse("02:00:00:00:01:01");
    public static final MacAddress STRANGER = MacAddress.parse("02:00:00:00:0e:0e");
    /** 192.0.2.10, the team's address (RFC 5737 TEST-NET-1). */
    public static final Ipv4Address TEAM_IP = Ipv4Address.parse("192.0.2.10");
    /** 192.0.2.1, the far end. */
    public static final Ipv4Address PEER_IP = Ipv4Address.parse("192.0.2.1");

    private Addresses() {
    }

    /** A UDP packet from the team to the peer carrying {@code text}. */
    public static byte[] udpToPeer(String text) {
        return new UdpDatagram(TEAM_IP, PEER_IP, 40000, 7, Bytes.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .toPacket();
    }
}
