package org.nicrig.host.rig;

import java.util.regex.Pattern;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.Scalars;
import org.nicrig.protocol.message.FirmwareVersion;

/**
 * Allow-list ranges, inclusive, written {@code LOW..HIGH} or as one value:
 * revisions {@code 0x08..0x0c}, firmware versions {@code 2.0.0..2.9.0}.
 */
public final class Ranges {
    // The same forms as schemas/rig.schema.json's patterns, so the schema and the loader agree.
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,5}");
    private static final Pattern REVISION = Pattern.compile("0[xX][0-9a-fA-F]{1,2}|[0-9]{1,3}");

    private Ranges() {
    }

    /** A firmware version (not a range); null when malformed (reported). */
    public static FirmwareVersion firmware(Node n, String path, Problems p) {
        String s = Scalars.string(n, path, p);
        if (s == null) {
            return null;
        }
        FirmwareVersion v = version(s);
        if (v == null) {
            p.error(n.location(), path, "expected a firmware version MAJOR.MINOR.PATCH like 2.1.7, found '" + s + "'");
        }
        return v;
    }

    /** {@code [low, high]} firmware versions, or null (reported). */
    static FirmwareVersion[] firmwareRange(Node n, String path, Problems p) {
        String s = Scalars.string(n, path, p);
        if (s == null) {
            return null;
        }
        String[] ends = s.split("\\.\\.", -1);
        FirmwareVersion low = ends.length <= 2 ? version(ends[0]) : null;
        FirmwareVersion high = ends.length == 2 ? version(ends[1]) : low;
        if (low != null && high != null) {
            return ordered(low, high, n, path, p) ? new FirmwareVersion[] {low, high} : null;
        }
        p.error(n.location(), path, "expected a firmware version or range like 2.0.0..2.9.0, found '" + s + "'");
        return null;
    }

    /** {@code [low, high]} revisions (0..255) from {@code 0x08..0x0c}, {@code 8..12} or one value. */
    public static int[] revisionRange(Node n, String path, Problems p) {
        if (n instanceof Node.ScalarNode s && s.type() == Node.ScalarNode.Type.INTEGER) {
            Long v = Scalars.integer(n, path, p, 0, 0xFF);
            return v == null ? null : new int[] {v.intValue(), v.intValue()};
        }
        String s = Scalars.string(n, path, p);
        if (s == null) {
            return null;
        }
        String[] ends = s.split("\\.\\.", -1);
        Integer low = ends.length <= 2 ? revision(ends[0]) : null;
        Integer high = ends.length == 2 ? revision(ends[1]) : low;
        if (low == null || high == null) {
            p.error(n.location(), path, "expected a revision or range from 0x00 to 0xff like 0x08..0x0c, found '" + s + "'");
            return null;
        }
        if (low > high) {
            p.error(n.location(), path, String.format("empty range: 0x%02x is above 0x%02x", low, high));
            return null;
        }
        return new int[] {low, high};
    }

    private static FirmwareVersion version(String t) {
        if (!VERSION.matcher(t).matches()) {
            return null;
        }
        try {
            return FirmwareVersion.parse(t);
        } catch (IllegalArgumentException e) {
            return null; // a part out of range (u8.u8.u16)
        }
    }

    private static Integer revision(String t) {
        if (!REVISION.matcher(t).matches()) {
            return null;
        }
        try {
            int v = t.startsWith("0x") || t.startsWith("0X") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
            return v >= 0 && v <= 0xFF ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T extends Comparable<T>> boolean ordered(T low, T high, Node n, String path, Problems p) {
        if (low.compareTo(high) > 0) {
            p.error(n.location(), path, "empty range: " + low + " is above " + high);
            return false;
        }
        return true;
    }
}
