package org.nicrig.host.report;

import java.util.Objects;

/**
 * One band or marker on the report's timeline, in nanoseconds since the run started. A marker
 * (a fault, a team event) has {@code startNanos == endNanos}.
 *
 * @param label the state or name: "primary"/"standby"/"active" for ROLE, "up"/"down" for LINK,
 *              "failed" for ENGINE, the fault name for FAULT, the team event for EVENT
 * @param count the number of jobs for JOBS, else 0
 */
public record TimelineEntry(String member, long startNanos, long endNanos, Kind kind, String label, long count) {

    public enum Kind {
        /** The member's role in the team (AFT primary/standby, ALB active). */
        ROLE,
        /** The member's link state. */
        LINK,
        /** The member's engine was not serving. */
        ENGINE,
        /** A fault the runner injected (marker). */
        FAULT,
        /** The traffic outage of a fail-over, ending when the new primary carried traffic. */
        FAILOVER_GAP,
        /** Secondary-use jobs the member completed in the interval. */
        JOBS,
        /** Any other team event (marker): re-dispatch, late answer dropped, hot-swap, member gone, ... */
        EVENT
    }

    public TimelineEntry {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(kind, "kind");
        label = Text.orEmpty(label);
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("timeline entry ends before it starts: " + startNanos + ".." + endNanos);
        }
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
