package org.nicrig.host.verify;

/**
 * The few IPv4 header facts ESP processing needs (RFC 791): lengths, protocol, checksum.
 * Offsets are into a packet whose header starts at byte 0.
 */
final class Ipv4 {
    static final int MIN_HEADER = 20;
    /** IANA protocol number of ESP. */
    static final int PROTO_ESP = 50;
    /** IANA protocol number of IPv4-in-IP: the Next Header of a tunnel-mode ESP packet (RFC 4303 §2.6). */
    static final int PROTO_IPV4 = 4;
    /** "No Next Header": a dummy packet (RFC 4303 §2.6). */
    static final int PROTO_NONE = 59;

    private Ipv4() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    static long u32(byte[] b, int i) {
        return (long) u16(b, i) << 16 | u16(b, i + 2);
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void put32(byte[] b, int i, long v) {
        put16(b, i, (int) (v >>> 16));
        put16(b, i + 2, (int) v);
    }

    static int version(byte[] p) {
        return u8(p, 0) >>> 4;
    }

    static int headerLength(byte[] p) {
        return (u8(p, 0) & 0x0f) * 4;
    }

    static int totalLength(byte[] p) {
        return u16(p, 2);
    }

    static int protocol(byte[] p) {
        return u8(p, 9);
    }

    /** The RFC 1071 ones'-complement sum over a header, with the checksum field taken as read. */
    static int checksum(byte[] b, int off, int len) {
        int sum = 0;
        for (int i = 0; i < len; i += 2) {
            sum += u16(b, off + i);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    /** Zeroes the checksum field, then writes the checksum of the header. */
    static void writeChecksum(byte[] p) {
        put16(p, 10, 0);
        put16(p, 10, checksum(p, 0, headerLength(p)));
    }

    /** Whether the header's own checksum verifies: the sum including it is zero (RFC 1071). */
    static boolean checksumValid(byte[] p) {
        return checksum(p, 0, headerLength(p)) == 0;
    }

    /** Whether this is a fragment: More Fragments set or a non-zero offset (RFC 791 §3.1). */
    static boolean isFragment(byte[] p) {
        return (u16(p, 6) & 0x3fff) != 0;
    }

    /**
     * Checks that {@code p} is one whole, well-formed IPv4 packet: what RFC 4303 §3.4.1 needs
     * before ESP can be processed (a fragment must be reassembled first). Null when it is.
     */
    static Failure validate(byte[] p, String what) {
        if (p.length < MIN_HEADER) {
            return Failure.ofInts(Check.LENGTH, MIN_HEADER, p.length, what + ": shorter than an IPv4 header");
        }
        if (version(p) != 4) {
            return Failure.ofInts(Check.MALFORMED, 4, version(p), what + ": IP version");
        }
        int ihl = headerLength(p);
        if (ihl < MIN_HEADER || ihl > p.length) {
            return Failure.ofInts(Check.MALFORMED, MIN_HEADER, ihl, what + ": IPv4 header length");
        }
        if (totalLength(p) != p.length) {
            return Failure.ofInts(Check.LENGTH, p.length, totalLength(p),
                    what + ": IPv4 total length field vs bytes received");
        }
        if (!checksumValid(p)) {
            return Failure.of(Check.MALFORMED, "valid", String.format("0x%04x", u16(p, 10)),
                    what + ": IPv4 header checksum");
        }
        if (isFragment(p)) {
            return Failure.of(Check.MALFORMED, "unfragmented", String.format("0x%04x", u16(p, 6)),
                    what + ": IPv4 fragment (RFC 4303 §3.4.1: reassemble before ESP)");
        }
        return null;
    }
}
