package org.nicrig.host.team;

import java.time.Duration;
import org.nicrig.host.admission.AdmissionResult;

/** What the team tells its listeners (the runner's journal): each a record, in the order it happened. */
public sealed interface TeamEvent {
    /** Monotonic time stamp ({@link System#nanoTime()} base). */
    long nanos();

    record MemberAdmitted(long nanos, String member, AdmissionResult admission) implements TeamEvent { }

    record MemberRefused(long nanos, String member, String reason) implements TeamEvent { }

    record LinkChanged(long nanos, String member, boolean up) implements TeamEvent { }

    /** AFT: the active member changed. {@code gap}: from the old active's last sign of life to the switch. */
    record FailedOver(long nanos, String from, String to, String reason, Duration gap) implements TeamEvent { }

    record JobRedispatched(long nanos, long jobId, String from, String reason) implements TeamEvent { }

    record LateAnswerDropped(long nanos, String member, long jobId) implements TeamEvent { }

    /** The member stopped answering; its work moved elsewhere. It may come back. */
    record MemberSilent(long nanos, String member, String reason) implements TeamEvent { }

    /** A silent member answers again and, its engine checked, rejoins. */
    record MemberBack(long nanos, String member) implements TeamEvent { }

    record MemberGone(long nanos, String member, String reason) implements TeamEvent { }

    record EngineFailed(long nanos, String member, String reason) implements TeamEvent { }

    record EngineRestored(long nanos, String member) implements TeamEvent { }

    record SasInstalled(long nanos, String member, int count) implements TeamEvent { }

    record HotSwapped(long nanos, String removed, String added) implements TeamEvent { }

    record JobFailed(long nanos, long jobId, String reason) implements TeamEvent { }
}
