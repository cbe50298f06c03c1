package org.nicrig.host.report;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the run journal ({@code journal.jsonl}): something that happened during a plan run,
 * written as it happened (design invariant 4). Every event carries {@link #atNanos()}, monotonic
 * nanoseconds since the run started (for ordering and durations, immune to clock steps), and
 * {@link #wallTime()} (for people and for correlating with pcaps and device logs).
 *
 * <p>The JSON {@code type} of each record is given in {@link JsonSubTypes} below. Events hold names,
 * counts and texts only: no key material can be recorded (invariant 5). Optional texts are never
 * null — an absent one is the empty string; the only nullable field is
 * {@link TeamEventRecorded#gapNanos()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JournalEvent.RunStarted.class, name = "run-started"),
        @JsonSubTypes.Type(value = JournalEvent.RunFinished.class, name = "run-finished"),
        @JsonSubTypes.Type(value = JournalEvent.StepStarted.class, name = "step-started"),
        @JsonSubTypes.Type(value = JournalEvent.StepFinished.class, name = "step-finished"),
        @JsonSubTypes.Type(value = JournalEvent.PacketSent.class, name = "packet-sent"),
        @JsonSubTypes.Type(value = JournalEvent.PacketVerified.class, name = "packet-verified"),
        @JsonSubTypes.Type(value = JournalEvent.Progress.class, name = "progress"),
        @JsonSubTypes.Type(value = JournalEvent.JobCompleted.class, name = "job-completed"),
        @JsonSubTypes.Type(value = JournalEvent.JobFailed.class, name = "job-failed"),
        @JsonSubTypes.Type(value = JournalEvent.FaultInjected.class, name = "fault-injected"),
        @JsonSubTypes.Type(value = JournalEvent.TeamEventRecorded.class, name = "team-event"),
        @JsonSubTypes.Type(value = JournalEvent.MemberAdmission.class, name = "admission"),
        @JsonSubTypes.Type(value = JournalEvent.MeasurementRecorded.class, name = "measurement")
})
public sealed interface JournalEvent {

    /** Monotonic nanoseconds since the run started (0 for {@link RunStarted}). */
    long atNanos();

    /** Wall-clock time of the event. */
    Instant wallTime();

    /** Always the first line. {@code wallTime} is the start time of the run. */
    record RunStarted(long atNanos, Instant wallTime, String plan, String rig, long seed, String nicrigVersion,
                      boolean verbose) implements JournalEvent {
        public RunStarted {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(rig, "rig");
            nicrigVersion = Text.orEmpty(nicrigVersion);
        }
    }

    /** The last line of a complete journal; a journal without it is from a run that did not finish. */
    record RunFinished(long atNanos, Instant wallTime, RunVerdict verdict, String message) implements JournalEvent {
        public RunFinished {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(verdict, "verdict");
            message = Text.orEmpty(message);
        }
    }

    /** A plan step began; {@code stepType} is the plan's {@code type:} of the step. */
    record StepStarted(long atNanos, Instant wallTime, String step, String stepType) implements JournalEvent {
        public StepStarted {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(step, "step");
            stepType = Text.orEmpty(stepType);
        }
    }

    /**
     * A plan step ended; {@code message} says why it failed, or is empty. {@code items} and
     * {@code bytes} are the packets and jobs the step had checked (whatever their verdict) and their
     * plaintext bytes, so a report can give the step's throughput; 0 for steps that move no traffic,
     * and in journals written before they were recorded.
     */
    record StepFinished(long atNanos, Instant wallTime, String step, String stepType, StepOutcome outcome,
                        Duration duration, String message, long items, long bytes) implements JournalEvent {
        public StepFinished {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(duration, "duration");
            stepType = Text.orEmpty(stepType);
            message = Text.orEmpty(message);
        }

        /** A step that moved no traffic. */
        public StepFinished(long atNanos, Instant wallTime, String step, String stepType, StepOutcome outcome,
                            Duration duration, String message) {
            this(atNanos, wallTime, step, stepType, outcome, duration, message, 0, 0);
        }
    }

    /** One packet handed to the team on {@code member}. Journaled only in verbose mode; always counted. */
    record PacketSent(long atNanos, Instant wallTime, String member, String flow, long seq, int bytes)
            implements JournalEvent {
        public PacketSent {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(member, "member");
            flow = Text.orEmpty(flow);
        }
    }

    /**
     * The verifier's verdict on one packet. A failed verdict is always journaled; an ok one only in
     * verbose mode. {@code failedChecks} names every check that failed (empty when ok), so a packet
     * that failed two checks counts under both.
     */
    record PacketVerified(long atNanos, Instant wallTime, String member, long spi, long seq, boolean ok,
                          List<String> failedChecks, String detail) implements JournalEvent {
        public PacketVerified {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(member, "member");
            failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
            detail = Text.orEmpty(detail);
            if (ok != failedChecks.isEmpty()) {
                throw new IllegalArgumentException("a verdict is ok exactly when no check failed: ok=" + ok
                        + " failedChecks=" + failedChecks);
            }
        }
    }

    /**
     * Running totals since the start of the run, written periodically instead of a line per packet,
     * and once more just before {@link RunFinished}. Verdict counts per member and per SA (keys
     * {@code 0x%08x}) and completed jobs per member are cumulative, so the last progress line of a
     * killed run still gives the verdict table up to that moment.
     */
    record Progress(long atNanos, Instant wallTime, long packetsSent, long packetsVerified, long packetsFailed,
                    long jobsCompleted, long jobsFailed, Map<String, Counts> byMember, Map<String, Counts> bySa,
                    Map<String, Long> jobsByMember) implements JournalEvent {
        public Progress {
            Objects.requireNonNull(wallTime, "wallTime");
            byMember = Text.sorted(byMember);
            bySa = Text.sorted(bySa);
            jobsByMember = Text.sorted(jobsByMember);
        }
    }

    /** A secondary-use job answered. Journaled only in verbose mode; always counted per member. */
    record JobCompleted(long atNanos, Instant wallTime, long jobId, String member, int bytes, long latencyNanos,
                        int attempts) implements JournalEvent {
        public JobCompleted {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(member, "member");
        }
    }

    /** A job failed for good, with the reason (invariant 2); {@code member} is the last one tried, or empty. */
    record JobFailed(long atNanos, Instant wallTime, long jobId, String member, String reason)
            implements JournalEvent {
        public JobFailed {
            Objects.requireNonNull(wallTime, "wallTime");
            member = Text.orEmpty(member);
            reason = Text.orEmpty(reason);
        }
    }

    /** The runner injected a fault ({@code FaultKind} name, e.g. LINK_DOWN) with its parameter text, or empty. */
    record FaultInjected(long atNanos, Instant wallTime, String member, String fault, String parameter)
            implements JournalEvent {
        public FaultInjected {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(fault, "fault");
            parameter = Text.orEmpty(parameter);
        }
    }

    /** Something the team did; {@code gapNanos} is the traffic outage of a fail-over, else null. */
    record TeamEventRecorded(long atNanos, Instant wallTime, TeamEventKind kind, String member, String detail,
                             Long gapNanos) implements JournalEvent {
        public TeamEventRecorded {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(member, "member");
            detail = Text.orEmpty(detail);
        }
    }

    /**
     * What admission decided for one member (patent ops. 300, 302): one row of the report's
     * admission table. {@code identity} is display text, e.g. "8086:1229 rev 8, fw 2.1".
     */
    record MemberAdmission(long atNanos, Instant wallTime, String member, String identity, boolean admitted,
                           boolean engineVerified, boolean secondaryUse, String reason) implements JournalEvent {
        public MemberAdmission {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(member, "member");
            identity = Text.orEmpty(identity);
            reason = Text.orEmpty(reason);
        }
    }

    /** A measured value judged against its limit ({@code limit} is display text, e.g. "<= 50 ms"). */
    record MeasurementRecorded(long atNanos, Instant wallTime, String name, double value, String unit, String limit,
                               MeasurementOutcome outcome, String step) implements JournalEvent {
        public MeasurementRecorded {
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            unit = Text.orEmpty(unit);
            limit = Text.orEmpty(limit);
            step = Text.orEmpty(step);
        }
    }
}
