package org.nicrig.host.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code usb:} URI parameters.
 *
 * @param interfaceNumber which interface to claim, of any class as long as it has a bulk IN and a
 *                        bulk OUT endpoint; empty means the first vendor-specific (class 0xFF)
 *                        interface that has them
 * @param writeTimeout    how long one write may wait for the device to take its bytes before it
 *                        fails with IO ({@code timeout=}, default {@link #DEFAULT_WRITE_TIMEOUT})
 * @param readTimeout     how long {@link UsbTransport#read} waits before returning 0;
 *                        {@link Duration#ZERO} (the default) waits until data arrive
 */
public record UsbSettings(OptionalInt interfaceNumber, Duration writeTimeout, Duration readTimeout) {

    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(1);
    public static final UsbSettings DEFAULT = new UsbSettings(OptionalInt.empty(), DEFAULT_WRITE_TIMEOUT, Duration.ZERO);
    /** The URI parameters {@link #fromUri} reads. */
    public static final Set<String> PARAMETERS = Set.of("interface", "timeout", "readTimeout");

    public UsbSettings {
        Objects.requireNonNull(interfaceNumber, "interfaceNumber");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (writeTimeout.isNegative() || writeTimeout.isZero() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("write timeout must be > 0, read timeout >= 0");
        }
    }

    /** From {@code interface=N} (0..255, bInterfaceNumber is one byte), {@code timeout=1s}, {@code readTimeout=500ms}. */
    public static UsbSettings fromUri(TransportUri uri) throws TransportException {
        uri.requireOnly(PARAMETERS);
        OptionalInt iface = uri.params().containsKey("interface")
                ? OptionalInt.of(uri.intParam("interface", 0, 0, 255))
                : OptionalInt.empty();
        Duration write = uri.durationParam("timeout", DEFAULT_WRITE_TIMEOUT);
        if (write.isZero()) {
            throw uri.bad("parameter timeout: expected a duration above zero, found '0'");
        }
        return new UsbSettings(iface, write, uri.durationParam("readTimeout", Duration.ZERO));
    }

    /** E.g. {@code interface auto, timeout 1000 ms}. */
    public String summary() {
        return "interface " + (interfaceNumber.isPresent() ? String.valueOf(interfaceNumber.getAsInt()) : "auto")
                + ", timeout " + writeTimeout.toMillis() + " ms"
                + (readTimeout.isZero() ? "" : ", readTimeout " + readTimeout.toMillis() + " ms");
    }
}
