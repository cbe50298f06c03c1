package org.nicrig.host.rig;

import java.util.List;
import java.util.Optional;
import org.nicrig.host.config.DidYouMean;
import org.nicrig.host.transport.EmulatedTransportProvider;
import org.nicrig.host.transport.PtyEmulatorProvider;
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
 * but served by an emulator process of its own on one end of a pty pair made with socat, and
 * reached through the serial transport on the other end, so the run exercises the real serial
 * path (termios, a byte stream with the usual delays) without hardware.
 */
public final class TransportCheck {
    public static final String PTY_EMULATOR = PtyEmulatorProvider.SCHEME;
    public static final List<String> SCHEMES = List.of("serial", "tcp", "usb", "emulated", PTY_EMULATOR);

    // Only creates (never opens), so no wire or hub is needed behind the emulated devices.
    private static final TransportRegistry REGISTRY = TransportRegistry.standard()
            .with("emulated", new EmulatedTransportProvider(null))
            .with(PTY_EMULATOR, new PtyEmulatorProvider(Optional.empty()));

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
        try {
            Transport unopened = REGISTRY.create(uri);
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
}
