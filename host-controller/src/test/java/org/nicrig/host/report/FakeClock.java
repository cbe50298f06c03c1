package org.nicrig.host.report;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told, so journal timestamps are exact in tests. */
final class FakeClock implements RunClock {
    static final Instant WALL_ORIGIN = Instant.parse("2025-03-14T09:26:53.589793Z");
    private static final long NANO_ORIGIN = 7_000_000_000L; // any origin: the journal subtracts its own

    private long nanos = NANO_ORIGIN;

    @Override
    public synchronized long monotonicNanos() {
        return nanos;
    }

    @Override
    public synchronized Instant wallTime() {
        return WALL_ORIGIN.plusNanos(nanos - NANO_ORIGIN);
    }

    synchronized void advance(Duration d) {
        nanos += d.toNanos();
    }
}
