package org.nicrig.host.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nicrig.host.config.Node.ScalarNode;
import org.nicrig.host.config.Node.ScalarNode.Type;

/**
 * Typed reading of one scalar node. Each method returns the value, or reports what was wrong at
 * the node's location and returns null. Numbers and names are quoted back in messages; nothing
 * here is used for key material (see the rig's key reader).
 */
public final class Scalars {
    /** Durations are a whole number and a unit: {@code 200ms}, {@code 2s}, {@code 1m}, {@code 1h}. */
    public static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");
    public static final String DURATION_EXAMPLE = "a duration such as 200ms, 2s or 1m";
    /** Names of devices, SAs and steps: what can be typed on a command line without quotes. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern HEX = Pattern.compile("0[xX]([0-9a-fA-F]{1,16})");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");

    private Scalars() {
    }

    public static String string(Node n, String path, Problems p) {
        if (n instanceof ScalarNode s && s.type() == Type.STRING) {
            return s.text();
        }
        return wrongType(n, path, p, "a string");
    }

    /** A name as {@link #NAME} allows. */
    public static String name(Node n, String path, Problems p) {
        String s = string(n, path, p);
        if (s != null && !NAME.matcher(s).matches()) {
            p.error(n.location(), path, "'" + s + "' is not a usable name (letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit, at most 64)");
            return null;
        }
        return s;
    }

    /** A whole number in [min, max], written in decimal or as 0x hex (plain, not quoted). */
    public static Long integer(Node n, String path, Problems p, long min, long max) {
        if (!(n instanceof ScalarNode s) || s.type() != Type.INTEGER) {
            return wrongType(n, path, p, "a whole number");
        }
        return inRange(parseInteger(s.text()), s, path, p, min, max);
    }

    /** A whole number, or a hex string {@code "0x8086"} (quoted or not) for ids and SPIs. */
    public static Long integerOrHex(Node n, String path, Problems p, long min, long max) {
        if (n instanceof ScalarNode s && s.type() == Type.STRING) {
            Matcher m = HEX.matcher(s.text());
            if (!m.matches()) {
                p.error(n.location(), path, "expected a whole number or hex like 0x1f, found '" + s.text() + "'");
                return null;
            }
            return inRange(new BigInteger(m.group(1), 16), s, path, p, min, max);
        }
        return integer(n, path, p, min, max);
    }

    /** Any finite number. */
    public static Double number(Node n, String path, Problems p) {
        if (n instanceof ScalarNode s && (s.type() == Type.INTEGER || s.type() == Type.FLOAT)) {
            try {
                double d = s.type() == Type.INTEGER ? parseInteger(s.text()).doubleValue()
                        : Double.parseDouble(s.text().replace("_", ""));
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            p.error(n.location(), path, "expected a finite number, found '" + s.text() + "'");
            return null;
        }
        return wrongType(n, path, p, "a number");
    }

    public static Boolean bool(Node n, String path, Problems p) {
        if (n instanceof ScalarNode s && s.type() == Type.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        return wrongType(n, path, p, "true or false");
    }

    /** A {@link #DURATION}; {@code positive} rejects 0. */
    public static Duration duration(Node n, String path, Problems p, boolean positive) {
        String text = n instanceof ScalarNode s && s.type() == Type.STRING ? s.text() : null;
        if (text == null) {
            return wrongType(n, path, p, DURATION_EXAMPLE);
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            p.error(n.location(), path, "expected " + DURATION_EXAMPLE + ", found '" + text + "'");
            return null;
        }
        long v = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(v);
            case "s" -> Duration.ofSeconds(v);
            case "m" -> Duration.ofMinutes(v);
            default -> Duration.ofHours(v);
        };
        if (positive && d.isZero()) {
            p.error(n.location(), path, "expected a duration above zero, found '" + text + "'");
            return null;
        }
        return d;
    }

    /** How a file would write {@code d}: the largest unit that divides it. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 && ms > 0 ? ms / 1000 + "s" : ms + "ms";
    }

    public static <E> E choice(Node n, String path, Problems p, Choice<E> choice) {
        String s = string(n, path, p);
        if (s == null) {
            return null;
        }
        E e = choice.lookup(s);
        if (e == null) {
            p.error(n.location(), path, choice.unknown(s));
        }
        return e;
    }

    /** {@code expected X, found a list}; always null, for {@code return wrongType(...)}. */
    public static <T> T wrongType(Node n, String path, Problems p, String expected) {
        p.error(n.location(), path, "expected " + expected + ", found " + n.kind());
        return null;
    }

    private static BigInteger parseInteger(String text) {
        String t = text.replace("_", "");
        Matcher hex = HEX.matcher(t);
        if (hex.matches()) {
            return new BigInteger(hex.group(1), 16);
        }
        if (DECIMAL.matcher(t).matches()) {
            return new BigInteger(t.startsWith("+") ? t.substring(1) : t);
        }
        return null;
    }

    private static Long inRange(BigInteger v, ScalarNode s, String path, Problems p, long min, long max) {
        if (v == null) {
            p.error(s.location(), path, "expected a whole number in decimal or 0x hex, found '" + s.text() + "'");
            return null;
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            p.error(s.location(), path, "expected a whole number from " + min + " to " + max + ", found " + s.text());
            return null;
        }
        return v.longValueExact();
    }
}
