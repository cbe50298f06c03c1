package org.nicrig.protocol.message;

import java.util.Objects;

/**
 * Encrypts one IPv4 packet with the outbound SA in {@code slot} (RFC 4303). With
 * {@link Disposition#TRANSMIT} the device sends the result itself in an Ethernet frame to
 * {@code destination} (patent FIG. 4); with RETURN it answers with the ESP packet.
 * A non-empty {@code fixedIv} is the test mode in which outputs compare byte for byte.
 *
 * @param jobId          host-chosen, kept across re-dispatch to another member so results stay exactly-once
 * @param sequenceNumber the ESP sequence number to use, assigned by the host as Linux's ESP offload
 *                       does, so one SA can be served by several engines and moved between them
 *                       without reusing a number; 0 lets the device count (RFC 4303 §3.3.3)
 */
public record EncryptJob(long jobId, int slot, Disposition disposition, MacAddress destination, Bytes fixedIv, Bytes packet,
                         long sequenceNumber)
        implements Request {

    /** A job whose sequence number the device assigns from its own counter. */
    public EncryptJob(long jobId, int slot, Disposition disposition, MacAddress destination, Bytes fixedIv, Bytes packet) {
        this(jobId, slot, disposition, destination, fixedIv, packet, 0);
    }

    public EncryptJob {
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(fixedIv, "fixedIv");
        Objects.requireNonNull(packet, "packet");
        if (disposition == Disposition.TRANSMIT && destination == null) {
            throw new IllegalArgumentException("a TRANSMIT job needs a destination MAC");
        }
        if (disposition == Disposition.RETURN && destination != null) {
            throw new IllegalArgumentException("a RETURN job carries no destination MAC");
        }
    }

    public static EncryptJob returning(long jobId, int slot, Bytes packet) {
        return new EncryptJob(jobId, slot, Disposition.RETURN, null, Bytes.EMPTY, packet);
    }

    @Override
    public MessageType type() { return MessageType.ENCRYPT_JOB; }
}
