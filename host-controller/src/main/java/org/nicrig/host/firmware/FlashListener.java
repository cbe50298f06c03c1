package org.nicrig.host.firmware;

/** What a flash reports as it goes, for a progress bar. Called on the flashing thread. */
public interface FlashListener {
    /** Nothing. */
    FlashListener NONE = (sent, total) -> { };

    /** {@code sent} of {@code total} image bytes acknowledged by the device. */
    void progress(long sent, long total);

    /** A phase begins. */
    default void phase(FlashPhase phase) {
    }
}
