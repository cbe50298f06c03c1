package org.nicrig.host.team.distribution.simulation;

import java.time.Duration;
import java.util.List;
import org.nicrig.host.team.distribution.MemberLoad;

/**
 * Observes a simulated run, job by job, in virtual time (offsets from the start). Tests use it to
 * keep a ledger of every job; the bench uses it to measure a member's share.
 */
public interface SimulationListener {

    SimulationListener NONE = new SimulationListener() {
    };

    /** One listener that tells each of {@code listeners}, in order. */
    static SimulationListener all(SimulationListener... listeners) {
        List<SimulationListener> each = List.of(listeners);
        return new SimulationListener() {
            @Override
            public void submitted(Duration at, long jobId, int bytes) {
                each.forEach(l -> l.submitted(at, jobId, bytes));
            }

            @Override
            public void dispatched(Duration at, long jobId, int bytes, String memberId, int attempt) {
                each.forEach(l -> l.dispatched(at, jobId, bytes, memberId, attempt));
            }

            @Override
            public void completed(Duration at, long jobId, int bytes, String memberId) {
                each.forEach(l -> l.completed(at, jobId, bytes, memberId));
            }

            @Override
            public void failed(Duration at, long jobId, String reason) {
                each.forEach(l -> l.failed(at, jobId, reason));
            }

            @Override
            public void lateAnswerDropped(Duration at, long jobId, String memberId) {
                each.forEach(l -> l.lateAnswerDropped(at, jobId, memberId));
            }

            @Override
            public void teamChanged(Duration at, List<MemberLoad> members) {
                each.forEach(l -> l.teamChanged(at, members));
            }
        };
    }

    /** A job arrived and joined the host-side queue. */
    default void submitted(Duration at, long jobId, int bytes) {
    }

    /** A job was sent to a member; {@code attempt} is 1 on the first dispatch, +1 per re-dispatch. */
    default void dispatched(Duration at, long jobId, int bytes, String memberId, int attempt) {
    }

    /** A job's answer came back from the member it is currently assigned to: it is done. */
    default void completed(Duration at, long jobId, int bytes, String memberId) {
    }

    /** A job was failed with a reason (no engine could take it). */
    default void failed(Duration at, long jobId, String reason) {
    }

    /** An answer came from a member the job no longer belongs to (it failed meanwhile): dropped. */
    default void lateAnswerDropped(Duration at, long jobId, String memberId) {
    }

    /** The team changed (fault, join, removal, fail-over); {@code members} is the new snapshot. */
    default void teamChanged(Duration at, List<MemberLoad> members) {
    }
}
