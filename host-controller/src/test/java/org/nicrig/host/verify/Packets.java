package org.nicrig.host.verify;

import java.util.Arrays;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;

/** Test packets: plaintext IPv4 traffic, and "device" ESP packets with chosen defects. */
final class Packets {
    /** Key bytes chosen to be recognisable, so a test can assert they never appear in text. */
    static final String AES128_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String AES256_KEY = "2468ace013579bdf2468ace013579bdf" + "fdb97531eca86420fdb97531eca86420";
    static final String SHA1_KEY = "5f6e7d8c9baba9b8c7d6e5f40312213041526374";
    static final String SHA256_KEY = "8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677";
    static final String SALT = "d00df00d";
    static final int SRC = 0x0a000001;
    static final int DST = 0x0a000002;

    private Packets() {
    }

    static SaParams cbcSha1(long spi, EspMode mode) {
        return new SaParams(spi, Direction.OUTBOUND, mode, Cipher.AES_128_CBC, Integrity.HMAC_SHA1_96, false, 64,
                mode == EspMode.TUNNEL ? 0xc6336401 : 0, mode == EspMode.TUNNEL ? 0xc6336402 : 0,
                KeyBytes.fromHex(AES128_KEY), KeyBytes.fromHex(SHA1_KEY));
    }

    static SaParams gcm256(long spi, boolean esn) {
        return new SaParams(spi, Direction.OUTBOUND, EspMode.TRANSPORT, Cipher.AES_256_GCM_16, Integrity.NONE, esn, 64,
                0, 0, KeyBytes.fromHex(AES256_KEY + SALT), KeyBytes.NONE);
    }

    /** A valid IPv4 packet of {@code length} bytes with the given protocol, id and a payload pattern. */
    static byte[] ipv4(int protocol, int id, int length) {
        byte[] p = new byte[length];
        p[0] = 0x45;
        Ipv4.put16(p, 2, length);
        Ipv4.put16(p, 4, id);
        Ipv4.put16(p, 6, 0x4000);
        p[8] = 64;
        p[9] = (byte) protocol;
        Ipv4.put32(p, 12, SRC);
        Ipv4.put32(p, 16, DST);
        for (int i = 20; i < length; i++) {
            p[i] = (byte) (i * 7 + id);
        }
        Ipv4.writeChecksum(p);
        return p;
    }

    static byte[] udp(int id, int length) {
        return ipv4(17, id, length);
    }

    static byte[] iv(int n, int length) {
        byte[] iv = new byte[length];
        for (int i = 0; i < length; i++) {
            iv[i] = (byte) (n * 31 + i);
        }
        return iv;
    }

    /**
     * A transport-mode CBC + HMAC packet whose encrypted part is exactly {@code plaintext}
     * (payload ‖ padding ‖ pad length ‖ next header, supplied whole), so tests can break the
     * trailer. Built from the same primitives the reference uses; what is under test is the checks.
     */
    static byte[] forgeCbc(SaParams sa, byte[] sentHeaderFrom, long seq, byte[] iv, byte[] plaintext) {
        byte[] material = sa.encryptionKey().reveal();
        byte[] esp = EspReference.concat(header(sa.spi(), seq), iv,
                BcCrypto.cbc(sa.cipher(), material, iv, plaintext, true));
        byte[] icv = BcCrypto.icv(sa.integrity(), sa.authenticationKey().reveal(), esp);
        int hl = Ipv4.headerLength(sentHeaderFrom);
        return ipWithProtocol(EspReference.concat(Arrays.copyOf(sentHeaderFrom, hl), esp, icv), Ipv4.PROTO_ESP);
    }

    /** An outer IPv4 header (protocol ESP) around an ESP packet, for tunnel-mode forgeries. */
    static byte[] wrapOuter(byte[] esp) {
        byte[] out = new byte[20 + esp.length];
        out[0] = 0x45;
        out[8] = 64;
        System.arraycopy(esp, 0, out, 20, esp.length);
        return ipWithProtocol(out, Ipv4.PROTO_ESP);
    }

    static byte[] header(long spi, long seq) {
        byte[] h = new byte[8];
        Ipv4.put32(h, 0, spi);
        Ipv4.put32(h, 4, seq);
        return h;
    }

    static byte[] ipWithProtocol(byte[] packet, int protocol) {
        packet[9] = (byte) protocol;
        Ipv4.put16(packet, 2, packet.length);
        Ipv4.writeChecksum(packet);
        return packet;
    }

    /** Payload of a packet plus default padding for {@code block}, pad length and next header. */
    static byte[] withTrailer(byte[] payload, int block, int nextHeader) {
        int pad = Math.floorMod(-(payload.length + 2), block);
        byte[] out = Arrays.copyOf(payload, payload.length + pad + 2);
        for (int k = 1; k <= pad; k++) {
            out[payload.length + k - 1] = (byte) k;
        }
        out[out.length - 2] = (byte) pad;
        out[out.length - 1] = (byte) nextHeader;
        return out;
    }
}
