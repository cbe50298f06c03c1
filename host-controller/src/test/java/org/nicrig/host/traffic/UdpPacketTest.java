package org.nicrig.host.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UdpPacketTest {
    @Test
    void headerChecksumMatchesAPublishedExample() {
        // Worked example of the IPv4 header checksum (RFC 791 §3.1 algorithm, RFC 1071 sum) from
        // walk-throughs): 4500 0073 0000 4000 4011 [b861] c0a8 0001 c0a8 00c7 -> checksum 0xb861.
        byte[] h = HexFormat.of().parseHex("450000730000400040110000c0a80001c0a800c7");
        assertThat(UdpPacket.headerChecksum(h)).isEqualTo(0xB861);
    }

    @Test
    void packetCarriesItsLengthsAddressesAndIsReproducibleUnderASeed() {
        byte[] a = UdpPacket.build(UdpPacket.address("10.0.0.1"), UdpPacket.address("10.0.0.2"), 4000, 7, 100, 9, 3, new SplittableRandom(5));
        byte[] b = UdpPacket.build(UdpPacket.address("10.0.0.1"), UdpPacket.address("10.0.0.2"), 4000, 7, 100, 9, 3, new SplittableRandom(5));
        assertThat(a).isEqualTo(b).hasSize(100);
        assertThat(a[0]).isEqualTo((byte) 0x45);
        assertThat(((a[2] & 0xFF) << 8) | (a[3] & 0xFF)).isEqualTo(100);
        assertThat(a[9]).isEqualTo((byte) 17);
        assertThat(((a[24] & 0xFF) << 8) | (a[25] & 0xFF)).isEqualTo(80);
        assertThat(UdpPacket.headerChecksum(a)).isEqualTo(((a[10] & 0xFF) << 8) | (a[11] & 0xFF));
    }
}
