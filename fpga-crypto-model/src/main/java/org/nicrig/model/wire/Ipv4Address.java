package org.nicrig.model.wire;

/** An IPv4 address held in an int, in network order as a big-endian number (192.0.2.1 is 0xC0000201). */
public record Ipv4Address(int value) {

    /** Parses dotted-quad text; throws IllegalArgumentException naming the text. */
    public static Ipv4Address parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address (expected four numbers like 192.0.2.1): '" + text + "'");
        }
        int v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                throw new IllegalArgumentException("not an IPv4 address (bad number '" + p + "'): '" + text + "'");
            }
            v = (v << 8) | Integer.parseInt(p);
        }
        return new Ipv4Address(v);
    }

    @Override
    public String toString() {
        return (value >>> 24) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "." + (value & 0xFF);
    }
}
