package org.nicrig.host.transport;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transport address split into scheme, target and parameters:
 * {@code serial:/dev/ttyUSB0?baud=115200&parity=even} has scheme {@code serial}, target
 * {@code /dev/ttyUSB0} and two parameters. Each {@link TransportProvider} reads the target its
 * own way ({@code //host:port} for tcp, {@code VID:PID[/serial]} for usb). Parameters are
 * {@code key=value} pairs after the first {@code ?}, joined by {@code &}; no percent-decoding.
 *
 * <p>The typed getters reject a bad value with a {@link TransportException.Reason#BAD_URI BAD_URI}
 * error that quotes the URI and says what was expected.
 */
public record TransportUri(String text, String scheme, String target, Map<String, String> params) {

    // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)");
    static final String EXAMPLES = "e.g. serial:/dev/ttyUSB0?baud=921600 or tcp://localhost:4001";

    public TransportUri {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static TransportUri parse(String text) throws TransportException {
        if (text == null || text.isBlank()) {
            throw TransportException.badUri(String.valueOf(text), "expected SCHEME:TARGET, " + EXAMPLES);
        }
        Matcher m = SCHEME.matcher(text.strip());
        if (!m.matches()) {
            throw TransportException.badUri(text, "expected SCHEME:TARGET, " + EXAMPLES);
        }
        String rest = m.group(2);
        int q = rest.indexOf('?');
        String target = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw TransportException.badUri(text,
                            "expected parameters as key=value joined by '&', found '" + pair + "'");
                }
                String key = pair.substring(0, eq);
                if (params.put(key, pair.substring(eq + 1)) != null) {
                    throw TransportException.badUri(text, "parameter " + key + " is given twice");
                }
            }
        }
        return new TransportUri(text, m.group(1).toLowerCase(Locale.ROOT), target, params);
    }

    /** Rejects any parameter not in {@code known}, listing the ones that are. */
    public void requireOnly(Set<String> known) throws TransportException {
        for (String key : params.keySet()) {
            if (!known.contains(key)) {
                throw TransportException.badUri(text, "unknown parameter '" + key + "' for " + scheme
                        + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** A whole-number parameter in [min, max], or {@code dflt} if absent. */
    public int intParam(String key, int dflt, int min, int max) throws TransportException {
        String v = params.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the expected range
        }
        throw badParam(key, v, "a whole number from " + min + " to " + max);
    }

    /** A duration parameter written {@code 250ms} or {@code 2s}, or {@code dflt} if absent. */
    public Duration durationParam(String key, Duration dflt) throws TransportException {
        String v = params.get(key);
        if (v == null) {
            return dflt;
        }
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw badParam(key, v, "a duration such as 250ms or 2s");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n);
    }

    /** One of the named choices (case-insensitive), or {@code dflt} if absent. */
    public <T> T choiceParam(String key, Map<String, T> choices, T dflt) throws TransportException {
        String v = params.get(key);
        if (v == null) {
            return dflt;
        }
        T t = choices.get(v.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw badParam(key, v, "one of " + String.join(", ", choices.keySet()));
        }
        return t;
    }

    /** A BAD_URI error quoting this URI. */
    public TransportException bad(String expected) {
        return TransportException.badUri(text, expected);
    }

    private TransportException badParam(String key, String value, String expected) {
        return bad("parameter " + key + ": expected " + expected + ", found '" + value + "'");
    }
}
