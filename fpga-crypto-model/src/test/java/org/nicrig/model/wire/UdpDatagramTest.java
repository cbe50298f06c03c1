package org.nicrig.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.Bytes;

class UdpDatagramTest {

    /**
     * The IPv4 header example of Wikipedia's "Internet checksum" article (IPv4 header checksum,
     * "Calculating the IPv4 header checksum"): 4500 0073 0000 4000 4011 [b861] c0a8 0001 c0a8 00c7.
     * A 115-byte packet from 192.168.0.1 to 192.168.0.199, DF, TTL 64, UDP: exactly what toPacket writes.
     */
    @Test
    void theIpv4HeaderMatchesThePublishedChecksumExample() {
        UdpDatagram d = new UdpDatagram(Ipv4Address.parse("192.168.0.1"), Ipv4Address.parse("192.168.0.199"),
                1234, 5678, Bytes.wrap(new byte[115 - 28]));
        byte[] p = d.toPacket();
        assertThat(HexFormat.of().formatHex(p, 0, 20)).isEqualTo("45000073000040004011b861c0a80001c0a800c7");
    }

    @Property(tries = 200)
    void parseUndoesToPacketAndTheUdpChecksumVerifies(@ForAll int src, @ForAll int dst,
                                                      @ForAll @IntRange(max = 0xFFFF) int sport,
                                                      @ForAll @IntRange(max = 0xFFFF) int dport,
                                                      @ForAll @Size(max = 300) byte[] payload) {
        UdpDatagram d = new UdpDatagram(new Ipv4Address(src), new Ipv4Address(dst), sport, dport, Bytes.copyOf(payload));
        byte[] p = d.toPacket();
        assertThat(UdpDatagram.parse(p)).contains(d);
        // RFC 768: the sum over pseudo-header and datagram, checksum included, is all ones
        int udpLength = p.length - 20;
        int pseudo = (src >>> 16) + (src & 0xFFFF) + (dst >>> 16) + (dst & 0xFFFF) + 17 + udpLength;
        assertThat(UdpDatagram.checksum(p, 20, udpLength, pseudo)).isZero();
        assertThat(UdpDatagram.checksum(p, 0, 20, 0)).as("IPv4 header checksum verifies").isZero();
        assertThat(d.reply().reply()).isEqualTo(d);
    }

    @Test
    void aReplySwapsAddressesAndPorts() {
        UdpDatagram d = new UdpDatagram(Ipv4Address.parse("192.0.2.10"), Ipv4Address.parse("192.0.2.1"), 40000, 7,
                Bytes.fromHex("01020304"));
        UdpDatagram r = d.reply();
        assertThat(r.source()).isEqualTo(d.destination());
        assertThat(r.destination()).isEqualTo(d.source());
        assertThat(r.sourcePort()).isEqualTo(7);
        assertThat(r.destinationPort()).isEqualTo(40000);
        assertThat(r.payload()).isEqualTo(d.payload());
    }

    @Test
    void whatIsNotAWholeUdpPacketIsNotParsed() {
        byte[] p = new UdpDatagram(Ipv4Address.parse("192.0.2.10"), Ipv4Address.parse("192.0.2.1"), 1, 2,
                Bytes.fromHex("aa")).toPacket();
        assertThat(UdpDatagram.parse(java.util.Arrays.copyOf(p, 25))).isEmpty();   // cut short
        byte[] tcp = p.clone();
        tcp[9] = 6;
        assertThat(UdpDatagram.parse(tcp)).isEmpty();
        byte[] fragment = p.clone();
        fragment[6] |= 0x20; // MF
        assertThat(UdpDatagram.parse(fragment)).isEmpty();
        byte[] padded = java.util.Arrays.copyOf(p, p.length + 10); // Ethernet padding is ignored
        assertThat(UdpDatagram.parse(padded)).isPresent();
    }

    @Test
    void ipv4AddressesParseAndPrintDottedQuads() {
        assertThat(Ipv4Address.parse("192.0.2.1").value()).isEqualTo(0xC000_0201);
        assertThat(new Ipv4Address(0xC633_6401).toString()).isEqualTo("198.51.100.1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ipv4Address.parse("192.0.2.256"))
                .hasMessageContaining("'256'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ipv4Address.parse("192.0.2"))
                .hasMessageContaining("four numbers");
    }
}
