package org.nicrig.model.esp;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;

/** Builders for test packets and SAs. Not vectors: wrappers and fixtures around them. */
final class TestPackets {
    static final int SRC = 0xC000_0201; // 192.0.2.1 (RFC 5737 documentation range)
    static final int DST = 0xC000_0202;
    static final int TUNNEL_SRC = 0xC633_6401; // 198.51.100.1
    static final int TUNNEL_DST = 0xCB00_7101; // 203.0.113.1

    private TestPackets() {
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    /** A 20-byte-header IPv4 packet around {@code payload}, with a valid checksum. */
    static byte[] ipv4(int protocol, byte[] payload) {
        return ipv4(protocol, payload, SRC, DST, 0x1234);
    }

    static byte[] ipv4(int protocol, byte[] payload, int src, int dst, int id) {
        byte[] p = new byte[20 + payload.length];
        p[0] = 0x45;
        Ipv4.putShort(p, 2, p.length);
        Ipv4.putShort(p, 4, id);
        p[8] = 64;
        p[9] = (byte) protocol;
        Ipv4.putInt(p, 12, src);
        Ipv4.putInt(p, 16, dst);
        System.arraycopy(payload, 0, p, 20, payload.length);
        Ipv4.writeChecksum(p, 20);
        return p;
    }

    /** Wraps an ESP packet (from its SPI on) in an IPv4 header with protocol 50. */
    static byte[] espInIpv4(byte[] esp) {
        return ipv4(Ipv4.PROTO_ESP, esp);
    }

    static byte[] tail(byte[] packet, int from) {
        return java.util.Arrays.copyOfRange(packet, from, packet.length);
    }

    static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    static SaParams params(EspSuite suite, Direction direction, EspMode mode, boolean esn, long spi,
                           byte[] encKey, byte[] authKey, int window) {
        return new SaParams(spi, direction, mode, suite.cipher(), suite.integrity(), esn, window,
                mode == EspMode.TUNNEL ? TUNNEL_SRC : 0, mode == EspMode.TUNNEL ? TUNNEL_DST : 0,
                KeyBytes.of(encKey), KeyBytes.of(authKey));
    }

    /** Outbound and inbound params of one SA, with keys drawn from {@code seed}. */
    static SaParams[] pair(EspSuite suite, EspMode mode, boolean esn, long seed, int window) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] enc = randomBytes(random, suite.keyMaterialLength());
        byte[] auth = randomBytes(random, suite.authKeyLength());
        long spi = 0x100 + random.nextInt(0x7FFF_0000);
        return new SaParams[] {
            params(suite, Direction.OUTBOUND, mode, esn, spi, enc, auth, window),
            params(suite, Direction.INBOUND, mode, esn, spi, enc, auth, window)
        };
    }
}
