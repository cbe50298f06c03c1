package org.nicrig.model.wire;

/** One attachment to a {@link Wire}. */
public interface WirePort extends AutoCloseable {

    @FunctionalInterface
    interface Receiver {
        /** A frame from another port; the receiver applies its own MAC filter. */
        void onFrame(byte[] frame);
    }

    String name();

    /** Puts a frame on the wire (it reaches every other port and every tap). */
    void transmit(byte[] frame);

    @Override
    void close();
}
