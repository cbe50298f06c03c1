package org.nicrig.host.firmware;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.Scalars;

/**
 * Engine rates in a manifest: a whole number of bytes per second ({@code 125000000}), or a number
 * and a decimal SI unit ({@code 125MB/s}, {@code 1.5GB/s}, {@code 800kB/s}, {@code 64B/s}), so
 * that nobody counts zeros. Bytes, not bits: the unit of IDENTIFY's engineRate (PROTOCOL.md §5.2).
 */
public final class ByteRates {
    /** The same form as schemas/firmware-manifest.schema.json's pattern. */
    public static final Pattern RATE = Pattern.compile("([0-9]{1,10}(?:\\.[0-9]{1,9})?) ?(B|kB|MB|GB)/s");
    public static final long MAX = 0xFFFF_FFFFL;
    static final String EXAMPLE = "bytes per second as a whole number, or with a unit such as 125MB/s (B, kB, MB, GB)";

    private ByteRates() {
    }

    /** The rate, or null (reported). */
    public static Long read(Node n, String path, Problems p) {
        if (n instanceof Node.ScalarNode s && s.type() == Node.ScalarNode.Type.INTEGER) {
            return Scalars.integer(n, path, p, 0, MAX);
        }
        if (!(n instanceof Node.ScalarNode s) || s.type() != Node.ScalarNode.Type.STRING) {
            return Scalars.wrongType(n, path, p, EXAMPLE);
        }
        Matcher m = RATE.matcher(s.text());
        if (!m.matches()) {
            p.error(n.location(), path, "expected " + EXAMPLE + ", found '" + s.text() + "'");
            return null;
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.TEN.pow(switch (m.group(2)) {
            case "kB" -> 3;
            case "MB" -> 6;
            case "GB" -> 9;
            default -> 0;
        }));
        if (bytes.stripTrailingZeros().scale() > 0) {
            p.error(n.location(), path, "'" + s.text() + "' is not a whole number of bytes per second");
            return null;
        }
        if (bytes.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            p.error(n.location(), path, "'" + s.text() + "' is above 4294967295 bytes per second, the most a u32 rate holds");
            return null;
        }
        return bytes.longValueExact();
    }

    /** How a manifest would write {@code bytesPerSecond}: {@code 125MB/s} when exact, else the number. */
    public static String format(long bytesPerSecond) {
        if (bytesPerSecond == 0) {
            return "0";
        }
        String[] units = {"GB/s", "MB/s", "kB/s"};
        long[] scale = {1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < units.length; i++) {
            if (bytesPerSecond % scale[i] == 0) {
                return bytesPerSecond / scale[i] + units[i];
            }
        }
        return Long.toString(bytesPerSecond);
    }
}
