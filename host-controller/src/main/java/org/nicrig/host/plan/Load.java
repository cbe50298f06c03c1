package org.nicrig.host.plan;

import java.time.Duration;
import java.util.Objects;

/** How much traffic a step sends: a number of packets, or a rate for a time. */
public sealed interface Load {

    /** {@code count: 1000}. */
    record Count(long packets) implements Load {
        public Count {
            if (packets < 1) {
                throw new IllegalArgumentException("count must be >= 1: " + packets);
            }
        }
    }

    /** {@code rate: 2000} (packets per second over all flows) with {@code duration: 10s}. */
    record Rate(long packetsPerSecond, Duration duration) implements Load {
        public Rate {
            Objects.requireNonNull(duration, "duration");
            if (packetsPerSecond < 1 || duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("rate and duration must be positive");
            }
        }
    }
}
