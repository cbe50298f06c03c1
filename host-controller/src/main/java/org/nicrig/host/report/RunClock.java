package org.nicrig.host.report;

import java.time.Instant;

/**
 * Where the journal takes its two times from: a monotonic counter for ordering and durations, and
 * the wall clock for people. A seam so that tests and virtual-time runs stamp events predictably.
 */
public interface RunClock {

    /** Monotonic nanoseconds from an arbitrary origin, as {@link System#nanoTime()}. */
    long monotonicNanos();

    Instant wallTime();

    RunClock SYSTEM = new RunClock() {
        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }

        @Override
        public Instant wallTime() {
            return Instant.now();
        }
    };
}
