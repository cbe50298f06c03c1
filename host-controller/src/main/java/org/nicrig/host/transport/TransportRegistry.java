package org.nicrig.host.transport;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.nicrig.model.wire.Wire;

/**
 * Which {@link TransportProvider} serves which URI scheme. Immutable: {@link #with} returns a new
 * registry, so a test or a CLI can add or replace a scheme without touching anyone else's.
 *
 * <pre>{@code
 * TransportRegistry transports = TransportRegistry.standard().with("emulated", emulatedProvider);
 * try (Transport t = transports.open("serial:/dev/ttyUSB0?baud=115200")) { ... }
 * }</pre>
 */
public final class TransportRegistry {

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    private static final TransportRegistry STANDARD = new TransportRegistry(Map.of())
            .with("serial", SerialTransport::fromUri)
            .with("tcp", TcpTransport::fromUri)
            .with("usb", UsbTransport::fromUri);

    private final Map<String, TransportProvider> providers;

    private TransportRegistry(Map<String, TransportProvider> providers) {
        this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    }

    /** serial, tcp and usb. */
    public static TransportRegistry standard() {
        return STANDARD;
    }

    /**
     * What a rig's devices may use: {@link #standard()}, plus {@code emulated:} devices in this
     * process on {@code wire}, plus {@code pty-emulator:} devices in processes of their own that
     * join {@code hub} (the runner starts a {@code WireHub} so they share one wire).
     */
    public static TransportRegistry forRig(Wire wire, Optional<InetSocketAddress> hub) {
        return standard()
                .with("emulated", new EmulatedTransportProvider(wire))
                .with(PtyEmulatorProvider.SCHEME, new PtyEmulatorProvider(hub));
    }

    /** No schemes at all; for callers that want to choose every provider themselves. */
    public static TransportRegistry empty() {
        return new TransportRegistry(Map.of());
    }

    /** A registry that also serves {@code scheme} (lower case), replacing any provider it had. */
    public TransportRegistry with(String scheme, TransportProvider provider) {
        if (!SCHEME.matcher(scheme).matches()) {
            throw new IllegalArgumentException("not a lower-case URI scheme: '" + scheme + "'");
        }
        Map<String, TransportProvider> m = new LinkedHashMap<>(providers);
        m.put(scheme, java.util.Objects.requireNonNull(provider, "provider"));
        return new TransportRegistry(m);
    }

    public Set<String> schemes() {
        return providers.keySet();
    }

    /** Parses {@code uri} and makes an unopened transport for it. */
    public Transport create(String uri) throws TransportException {
        TransportUri parsed = TransportUri.parse(uri);
        TransportProvider p = providers.get(parsed.scheme());
        if (p == null) {
            throw parsed.bad("unknown scheme '" + parsed.scheme() + "', expected one of "
                    + String.join(", ", providers.keySet())
                    + "; " + TransportUri.EXAMPLES);
        }
        return p.create(parsed);
    }

    /** {@link #create} then {@link Transport#open()}; the caller closes what it gets. */
    public Transport open(String uri) throws TransportException {
        Transport t = create(uri);
        try {
            t.open();
            return t;
        } catch (TransportException | RuntimeException e) {
            t.close();
            throw e;
        }
    }
}
