package org.nicrig.host.team.distribution.simulation;

import java.util.Comparator;

/** Something scheduled in virtual time; {@code seq} breaks ties in scheduling order. */
sealed interface SimEvent {
    long time();

    long seq();

    Comparator<SimEvent> ORDER = Comparator.comparingLong(SimEvent::time).thenComparingLong(SimEvent::seq);

    /** The next job arrives. */
    record Arrival(long time, long seq) implements SimEvent {
    }

    /** The member's engine finishes its head job, unless {@code token} is stale. */
    record EngineDone(long time, long seq, SimMember member, long token) implements SimEvent {
    }

    /** The answer for {@code job} reaches the host from {@code member}. */
    record Answer(long time, long seq, SimJob job, SimMember member, int generation, int attempt)
            implements SimEvent {
    }

    /** A fault or hot-swap from the configuration. */
    record Change(long time, long seq, TeamEvent event) implements SimEvent {
    }
}
