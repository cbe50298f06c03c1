package org.nicrig.protocol.message;

import java.time.Duration;
import java.util.Objects;

/**
 * Emulator control: injects a fault into a device model (real hardware answers NOT_CAPABLE).
 * {@code parameter} is fault-specific (GARBLE: corruption rate in parts per million);
 * {@code duration} bounds a STALL (zero: until further notice), with millisecond resolution.
 */
public record InjectFault(FaultKind fault, long parameter, Duration duration) implements Request {
    public InjectFault {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(duration, "duration");
    }

    @Override
    public MessageType type() { return MessageType.FAULT; }
}
