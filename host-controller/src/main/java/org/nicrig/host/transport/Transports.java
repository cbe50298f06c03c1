package org.nicrig.host.transport;

/** Shortcuts over {@link TransportRegistry#standard()}. */
public final class Transports {

    private Transports() {
    }

    /** Opens a transport named by URI: {@code serial:/dev/ttyUSB0?baud=921600}, {@code tcp://host:4001}. */
    public static Transport open(String uri) throws TransportException {
        return TransportRegistry.standard().open(uri);
    }

    /** Makes an unopened transport named by URI. */
    public static Transport create(String uri) throws TransportException {
        return TransportRegistry.standard().create(uri);
    }
}
