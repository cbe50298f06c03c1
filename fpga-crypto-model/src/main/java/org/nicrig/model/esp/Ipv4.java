package org.nicrig.model.esp;

/**
 * The few IPv4 header operations ESP needs (RFC 791), on packets held in byte arrays at offset 0.
 * {@link #problem} is the one place that decides whether bytes are a packet the engine can take.
 */
final class Ipv4 {
    static final int MIN_HEADER = 20;
    static final int PROTO_ESP = 50;
    /** IP-in-IP: the Next Header of a tunnel-mode ESP packet carrying IPv4 (RFC 4303 §2.6). */
    static final int PROTO_IPV4 = 4;
    /** "No next header": a dummy packet (RFC 4303 §2.6), to be discarded. */
    static final int PROTO_NONE = 59;
    static final int MAX_TOTAL = 0xFFFF;
    static final int DEFAULT_TTL = 64;

    private Ipv4() {
    }

    static int headerLength(byte[] p) {
        return (p[0] & 0x0F) * 4;
    }

    static int totalLength(byte[] p) {
        return ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
    }

    static int protocol(byte[] p) {
        return p[9] & 0xFF;
    }

    static boolean isFragment(byte[] p) {
        // MF flag or a non-zero fragment offset
        return ((p[6] & 0x3F) | p[7]) != 0;
    }

    /** Why {@code p} is not a whole, well-formed IPv4 packet of exactly {@code p.length} bytes, or null. */
    static String problem(byte[] p) {
        if (p == null) {
            return "no packet";
        }
        if (p.length < MIN_HEADER) {
            return "packet of " + p.length + " bytes is shorter than an IPv4 header (20)";
        }
        int version = (p[0] & 0xF0) >>> 4;
        if (version != 4) {
            return "IP version " + version + " at offset 0 (only IPv4 is supported)";
        }
        int ihl = headerLength(p);
        if (ihl < MIN_HEADER || ihl > p.length) {
            return "IPv4 header length " + ihl + " does not fit a " + p.length + "-byte packet";
        }
        int total = totalLength(p);
        if (total != p.length) {
            return "IPv4 total length " + total + " at offset 2 differs from the " + p.length + " bytes given";
        }
        return null;
    }

    static void putShort(byte[] p, int offset, int value) {
        p[offset] = (byte) (value >>> 8);
        p[offset + 1] = (byte) value;
    }

    /** Sets total length and protocol of the header at {@code p[0..headerLength)} and recomputes its checksum. */
    static void rewrite(byte[] p, int totalLength, int protocol) {
        putShort(p, 2, totalLength);
        p[9] = (byte) protocol;
        writeChecksum(p, headerLength(p));
    }

    /** RFC 791 header checksum: ones' complement of the ones' complement sum of the header's 16-bit words. */
    static void writeChecksum(byte[] p, int headerLength) {
        p[10] = 0;
        p[11] = 0;
        putShort(p, 10, checksum(p, headerLength));
    }

    static int checksum(byte[] p, int headerLength) {
        int sum = 0;
        for (int i = 0; i < headerLength; i += 2) {
            sum += ((p[i] & 0xFF) << 8) | (p[i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }

    /**
     * Writes a 20-byte tunnel header (RFC 4301 §5.1.2.1): TOS and DF copied from the inner header,
     * a fresh TTL, protocol ESP, the SA's tunnel addresses. The Identification is the low 16 bits
     * of the ESP sequence number, so the outer header is as reproducible as the rest of the packet.
     */
    static void writeTunnelHeader(byte[] out, byte[] inner, int totalLength, int identification,
                                  int source, int destination) {
        out[0] = 0x45;
        out[1] = inner[1];
        putShort(out, 2, totalLength);
        putShort(out, 4, identification);
        out[6] = (byte) (inner[6] & 0x40); // DF copied, MF and offset clear
        out[7] = 0;
        out[8] = (byte) DEFAULT_TTL;
        out[9] = (byte) PROTO_ESP;
        putInt(out, 12, source);
        putInt(out, 16, destination);
        writeChecksum(out, MIN_HEADER);
    }

    static void putInt(byte[] p, int offset, int value) {
        p[offset] = (byte) (value >>> 24);
        p[offset + 1] = (byte) (value >>> 16);
        p[offset + 2] = (byte) (value >>> 8);
        p[offset + 3] = (byte) value;
    }

    static int getInt(byte[] p, int offset) {
        return ((p[offset] & 0xFF) << 24) | ((p[offset + 1] & 0xFF) << 16)
                | ((p[offset + 2] & 0xFF) << 8) | (p[offset + 3] & 0xFF);
    }
}
