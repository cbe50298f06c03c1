package org.nicrig.host.rig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nicrig.host.config.DidYouMean;
import org.nicrig.host.transport.EmulatedTransportProvider;
import org.nicrig.host.transport.Transport;
import org.nicrig.host.transport.TransportException;
import org.nicrig.host.transport.TransportRegistry;
import org.nicrig.host.transport.TransportUri;

/**
 * Checks a device's transport URI when a rig or plan is loaded, with the same providers that will
 * open it (nothing is opened here), so a bad baud rate or an unknown emulator profile is a
 * located config error, not a failure half-way into a run.
 *
 * <p>Schemes: {@code serial:}, {@code tcp://}, {@code usb:} (well-formed addresses pass; the
 * transport itself is not available yet), {@code emulated:PROFILE?mac=...} (a device model in
 * the runner's process), and {@code pty-emulator:PROFILE?mac=...&baud=N}: the same device model,
 * but served by the runner on one end of a pty pair made with socat, and reached through the
 * serial transport on the other end, so the run exercises the real serial path (termios, a byte
 * stream with the usual delays) without hardware.
 */
public final class TransportCheck {
    public static final String PTY_EMULATOR = "pty-emulator";
    public static final List<String> SCHEMES = List.of("serial", "tcp", "usb", "emulated", PTY_EMULATOR);

    // Only creates (never opens), so no wire is needed behind the emulated devices.
    private static final TransportRegistry REGISTRY =
            TransportRegistry.standard().with("emulated", new EmulatedTransportProvider(null));

    private TransportCheck() {
    }

    /** Null when {@code uri} is a transport the runner can open, else what is wrong with it. */
    public static String problem(String uri) {
        TransportUri parsed;
        try {
            parsed = TransportUri.parse(uri);
        } catch (TransportException e) {
            return e.getMessage();
        }
        if (!SCHEMES.contains(parsed.scheme())) {
            return "unknown transport scheme '" + parsed.scheme() + "'" + DidYouMean.hint(parsed.scheme(), SCHEMES);
        }
        String toCreate = uri;
        if (parsed.scheme().equals(PTY_EMULATOR)) {
            try {
                parsed.intParam("baud", 921_600, 50, 4_000_000);
            } catch (TransportException e) {
                return e.getMessage();
            }
            toCreate = asEmulated(parsed);
        }
        try {
            Transport unopened = REGISTRY.create(toCreate);
            unopened.close();
            return null;
        } catch (TransportException e) {
            return e.reason() == TransportException.Reason.UNSUPPORTED ? null : e.getMessage();
        }
    }

    /** The MAC an emulated device will have ({@code mac=} parameter), or null. */
    public static String emulatedMac(String uri) {
        try {
            TransportUri parsed = TransportUri.parse(uri);
            return parsed.scheme().equals("emulated") || parsed.scheme().equals(PTY_EMULATOR)
                    ? parsed.params().get("mac") : null;
        } catch (TransportException e) {
            return null;
        }
    }

    /** {@code pty-emulator:P?mac=M&baud=B} as the {@code emulated:P?mac=M} device it serves. */
    static String asEmulated(TransportUri pty) {
        Map<String, String> params = new LinkedHashMap<>(pty.params());
        params.remove("baud");
        String query = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return "emulated:" + pty.target() + (query.isEmpty() ? "" : "?" + query);
    }
}
