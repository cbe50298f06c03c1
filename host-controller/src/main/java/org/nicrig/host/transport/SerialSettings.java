package org.nicrig.host.transport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Line settings for a serial port. The default is 921600 baud, 8 data bits, no parity, one stop
 * bit, no flow control (8N1), and no read timeout.
 *
 * @param readTimeout how long {@link Transport#read} waits before returning 0; {@link Duration#ZERO}
 *                    waits until data arrive. Rounded up to the 100 ms step of termios VTIME.
 */
public record SerialSettings(int baud, int dataBits, Parity parity, StopBits stopBits,
                             FlowControl flowControl, Duration readTimeout) {

    public static final int DEFAULT_BAUD = 921_600;
    public static final SerialSettings DEFAULT = new SerialSettings(
            DEFAULT_BAUD, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE, Duration.ZERO);

    /** The URI parameters {@link #fromUri} reads. */
    public static final Set<String> PARAMETERS = Set.of("baud", "databits", "parity", "stopbits", "flow", "readTimeout");

    public enum Parity {
        NONE("none"), ODD("odd"), EVEN("even"), MARK("mark"), SPACE("space");

        /** How the URI writes it. */
        public final String token;

        Parity(String token) {
            this.token = token;
        }
    }

    public enum StopBits {
        ONE("1"), ONE_POINT_FIVE("1.5"), TWO("2");

        public final String token;

        StopBits(String token) {
            this.token = token;
        }
    }

    public enum FlowControl {
        NONE("none"), RTS_CTS("rtscts"), XON_XOFF("xonxoff");

        public final String token;

        FlowControl(String token) {
            this.token = token;
        }
    }

    public SerialSettings {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8: " + dataBits);
        }
        if (readTimeout.isNegative()) {
            throw new IllegalArgumentException("read timeout must not be negative: " + readTimeout);
        }
    }

    /**
     * Reads {@code baud}, {@code databits} (5-8), {@code parity} (none|odd|even|mark|space),
     * {@code stopbits} (1|1.5|2), {@code flow} (none|rtscts|xonxoff) and {@code readTimeout}
     * (250ms, 2s); absent ones keep their default.
     */
    public static SerialSettings fromUri(TransportUri uri) throws TransportException {
        uri.requireOnly(PARAMETERS);
        return new SerialSettings(
                uri.intParam("baud", DEFAULT.baud, 50, 20_000_000),
                uri.intParam("databits", DEFAULT.dataBits, 5, 8),
                uri.choiceParam("parity", byToken(Parity.values(), p -> p.token), DEFAULT.parity),
                uri.choiceParam("stopbits", byToken(StopBits.values(), b -> b.token), DEFAULT.stopBits),
                uri.choiceParam("flow", byToken(FlowControl.values(), f -> f.token), DEFAULT.flowControl),
                uri.durationParam("readTimeout", DEFAULT.readTimeout));
    }

    /** Short form for messages: {@code 921600 8N1}, {@code 115200 7E2 rtscts}. */
    public String summary() {
        String flow = flowControl == FlowControl.NONE ? "" : " " + flowControl.token;
        return baud + " " + dataBits + parity.name().charAt(0) + stopBits.token + flow;
    }

    private static <E> Map<String, E> byToken(E[] values, Function<E, String> token) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : values) {
            m.put(token.apply(e), e);
        }
        return m;
    }
}
