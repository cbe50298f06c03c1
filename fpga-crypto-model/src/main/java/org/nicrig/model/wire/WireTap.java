package org.nicrig.model.wire;

/** Sees every frame that goes on a wire, with the port that sent it and when. */
@FunctionalInterface
public interface WireTap {
    /**
     * @param nanos  monotonic time stamp ({@link System#nanoTime()} base)
     * @param sender name of the port that transmitted the frame
     * @param frame  the Ethernet frame; do not modify
     */
    void onFrame(long nanos, String sender, byte[] frame);
}
