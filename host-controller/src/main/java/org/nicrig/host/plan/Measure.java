package org.nicrig.host.plan;

import java.util.Locale;

/**
 * The measurements a runner knows how to take, each with its unit and whether it is taken per
 * member. A plan names them in snake case ({@code failover_gap}); an unknown name is an error
 * with a suggestion. Unless an expectation names a {@code step:}, a measurement covers the plan
 * from its start to the expect step.
 */
public enum Measure {
    /** Time from a member's fault until team traffic flows again over another member (AFT). */
    FAILOVER_GAP(Unit.MILLISECONDS, Scope.TEAM),
    /** Packets that passed every check of the Bouncy Castle reference, over packets checked. */
    VERIFIED_FRACTION(Unit.RATIO, Scope.MEMBER_OPTIONAL),
    /**
     * Packets or jobs handed to the team that it did not complete (invariant 2), and packets
     * that reached a member but were not delivered.
     */
    LOST_PACKETS(Unit.COUNT, Scope.TEAM),
    /**
     * Packets the peer sent that never reached a team member that could take them: in flight to a
     * member that failed, say. Losses of the wire and of a failing card, not of the team.
     */
    LOST_ON_WIRE(Unit.COUNT, Scope.TEAM),
    /** Jobs or packets completed more than once (invariant 2). */
    DUPLICATED_JOBS(Unit.COUNT, Scope.TEAM),
    /** The member's part of the secondary-use job bytes (FIG. 6, claims 1-4). */
    SECONDARY_SHARE(Unit.FRACTION, Scope.MEMBER_REQUIRED),
    /** Team (or member) traffic delivered, in megabits per second. */
    THROUGHPUT(Unit.MEGABITS_PER_SECOND, Scope.MEMBER_OPTIONAL),
    LATENCY_P50(Unit.MILLISECONDS, Scope.MEMBER_OPTIONAL),
    LATENCY_P99(Unit.MILLISECONDS, Scope.MEMBER_OPTIONAL),
    /** Answers from a member after its job was re-dispatched elsewhere, dropped by the host. */
    LATE_ANSWERS_DROPPED(Unit.COUNT, Scope.MEMBER_OPTIONAL),
    /** Jobs sent to another member after their first member failed or timed out. */
    REDISPATCHED_JOBS(Unit.COUNT, Scope.MEMBER_OPTIONAL),
    /** Devices refused admission (allow-list, failed self-test: patent ops. 300, 302). */
    REFUSED_MEMBERS(Unit.COUNT, Scope.TEAM),
    /** Of the member's own traffic, the part whose ESP was done by another member's engine (FIG. 4, FIG. 5). */
    OFFLOADED_FRACTION(Unit.RATIO, Scope.MEMBER_REQUIRED),
    /** Peer replies that reached a member other than the one whose traffic they answer (FIG. 4 direct-mac). */
    MISDELIVERED_REPLIES(Unit.COUNT, Scope.TEAM),
    /** Frames a member sent with another member's MAC outside a FIG. 4 direct transmission. */
    FOREIGN_MAC_FRAMES(Unit.COUNT, Scope.MEMBER_OPTIONAL),
    /** Known-answer probe packets whose ESP differed from the reference's byte for byte. */
    KNOWN_ANSWER_MISMATCHES(Unit.COUNT, Scope.MEMBER_OPTIONAL),
    /** Replayed packets the device accepted (RFC 4303 §3.4.3). */
    REPLAYS_ACCEPTED(Unit.COUNT, Scope.MEMBER_OPTIONAL),
    /** Tampered packets the device decrypted and delivered (RFC 4303 §3.4.4). */
    FORGERIES_ACCEPTED(Unit.COUNT, Scope.MEMBER_OPTIONAL),
    /** Jobs a device served after a reset with an SA the host had not installed again. */
    STALE_SA_JOBS(Unit.COUNT, Scope.MEMBER_OPTIONAL);

    /** Whether a measurement is per member. */
    public enum Scope {
        /** Of the whole team; {@code member:} is not allowed. */
        TEAM,
        /** Of the team, or of one member when {@code member:} is given. */
        MEMBER_OPTIONAL,
        /** Only of one member: {@code member:} is required. */
        MEMBER_REQUIRED
    }

    private final Unit unit;
    private final Scope scope;

    Measure(Unit unit, Scope scope) {
        this.unit = unit;
        this.scope = scope;
    }

    /** The plan's spelling: {@code failover_gap}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Unit unit() {
        return unit;
    }

    public Scope scope() {
        return scope;
    }
}
