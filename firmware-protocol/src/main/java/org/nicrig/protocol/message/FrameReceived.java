package org.nicrig.protocol.message;

/**
 * An Ethernet frame arrived on the member's port and passed its MAC filter (patent FIG. 5).
 * A capable device with a matching inbound SA decrypts ESP itself: {@code decrypted} is then
 * true, {@code saSlot} names the SA and {@code frame} holds the plaintext packet in its
 * Ethernet frame. {@code status} is the outcome of the device's own decryption attempt (OK
 * when none was made); a failed attempt delivers the frame still encrypted.
 */
public record FrameReceived(boolean decrypted, JobStatus status, int saSlot, Bytes frame) implements Event {
    public static final int NO_SLOT = 0xFFFF;

    @Override
    public MessageType type() { return MessageType.FRAME_RECEIVED; }
}
