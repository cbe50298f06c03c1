package org.nicrig.host.transport;

/**
 * Makes transports for one URI scheme. Registered by scheme in a {@link TransportRegistry};
 * an in-process emulated device, for one, registers {@code emulated} this way.
 */
@FunctionalInterface
public interface TransportProvider {

    /**
     * Makes an unopened transport for {@code uri}, whose scheme is the one this provider was
     * registered for. Rejects a bad target or parameter with reason BAD_URI, before any I/O.
     */
    Transport create(TransportUri uri) throws TransportException;
}
