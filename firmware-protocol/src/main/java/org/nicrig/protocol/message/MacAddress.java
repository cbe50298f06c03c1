package org.nicrig.protocol.message;

import java.util.HexFormat;

/** A 48-bit IEEE MAC address, held in the low 48 bits of a long. */
public record MacAddress(long value) {
    public static final int LENGTH = 6;
    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);

    public MacAddress {
        if ((value & ~0xFFFF_FFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("MAC address wider than 48 bits: " + Long.toHexString(value));
        }
    }

    /** Parses {@code 00:1b:21:0a:0b:0c} (or with '-'); throws IllegalArgumentException naming the text. */
    public static MacAddress parse(String text) {
        String[] parts = text.trim().split("[:-]");
        if (parts.length != LENGTH) {
            throw new IllegalArgumentException("not a MAC address (expected six hex octets like 00:1b:21:0a:0b:0c): '" + text + "'");
        }
        long v = 0;
        for (String p : parts) {
            if (p.length() != 2 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException("not a MAC address (bad octet '" + p + "'): '" + text + "'");
            }
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return new MacAddress(v);
    }

    public static MacAddress fromBytes(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < LENGTH; i++) {
            v = (v << 8) | (b[offset + i] & 0xFF);
        }
        return new MacAddress(v);
    }

    public void writeTo(byte[] b, int offset) {
        for (int i = LENGTH - 1; i >= 0; i--) {
            b[offset + i] = (byte) (value >>> (8 * (LENGTH - 1 - i)));
        }
    }

    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        writeTo(b, 0);
        return b;
    }

    public boolean isMulticast() {
        return (value & 0x0100_0000_0000L) != 0;
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(toBytes());
    }
}
