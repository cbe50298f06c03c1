package org.nicrig.host.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the reports show about one plan run, as plain data (JDK types only), so that JUnit XML,
 * JSON and HTML are three views of one record. Built either by the runner through {@link #builder}
 * or from a journal alone by {@link #fromJournal}; a report of a run that did not finish has
 * {@code complete == false} and verdict {@link RunVerdict#ERROR}.
 *
 * @param duration      from the start of the run to its end (or to the last journaled event)
 * @param message       the runner's summary, or why the run is incomplete
 * @param packetsSent   packets handed to the team
 * @param packetFailures the first {@link #MAX_LISTED} packets that failed verification
 * @param timeline      bands and markers per member, in nanoseconds since the start
 */
public record RunReport(String plan, String rig, long seed, String nicrigVersion, Instant startedAt,
                        Instant endedAt, Duration duration, RunVerdict verdict, boolean complete, String message,
                        List<StepResult> steps, List<MeasurementResult> measurements, List<AdmissionRow> admissions,
                        VerdictTable verdicts, long packetsSent, List<PacketFailure> packetFailures, JobSummary jobs,
                        List<TimelineEntry> timeline) {

    /** At most this many packet failures and job failures are listed one by one; all are counted. */
    public static final int MAX_LISTED = 1000;

    public RunReport {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(rig, "rig");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(verdict, "verdict");
        nicrigVersion = Text.orEmpty(nicrigVersion);
        message = Text.orEmpty(message);
        steps = List.copyOf(steps);
        measurements = List.copyOf(measurements);
        admissions = List.copyOf(admissions);
        verdicts = verdicts == null ? VerdictTable.NONE : verdicts;
        packetFailures = List.copyOf(packetFailures);
        jobs = jobs == null ? JobSummary.NONE : jobs;
        timeline = List.copyOf(timeline);
    }

    /** Rebuilds the report of a run from its journal alone (e.g. {@code nicrig report journal.jsonl}). */
    public static RunReport fromJournal(List<JournalEvent> events) {
        return JournalFold.fold(events, null);
    }

    /** As {@link #fromJournal(List)}, and says in the message when the journal's last line was torn. */
    public static RunReport fromJournal(Journal journal) {
        return JournalFold.fold(journal.events(),
                journal.tornLastLine() ? "line " + journal.tornLine() + " of the journal was torn mid-write" : null);
    }

    public static Builder builder(RunInfo run, Instant startedAt) {
        return new Builder(run, startedAt);
    }

    /** Members in order of admission, then any other member that appears in the run. */
    public List<String> memberNames() {
        Set<String> names = new LinkedHashSet<>();
        admissions.forEach(a -> names.add(a.member()));
        timeline.forEach(t -> names.add(t.member()));
        names.addAll(verdicts.byMember().keySet());
        names.addAll(jobs.completedByMember().keySet());
        return List.copyOf(names);
    }

    /**
     * Collects a report as the run goes. Not thread-safe: the runner fills it from one thread, or
     * lets {@link #fromJournal} do it. A builder never {@link #finished finished} builds an
     * incomplete report with verdict ERROR.
     */
    public static final class Builder {
        private final RunInfo run;
        private final Instant startedAt;
        private final List<StepResult> steps = new ArrayList<>();
        private final List<MeasurementResult> measurements = new ArrayList<>();
        private final List<AdmissionRow> admissions = new ArrayList<>();
        private final List<PacketFailure> packetFailures = new ArrayList<>();
        private final List<JobFailure> jobFailures = new ArrayList<>();
        private final List<TimelineEntry> timeline = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private Map<String, Long> jobsByMember = Map.of();
        private long jobsFailed;
        private VerdictTable verdicts = VerdictTable.NONE;
        private long packetsSent;
        private RunVerdict verdict;
        private String message = "";
        private Instant endedAt;
        private Duration duration = Duration.ZERO;

        private Builder(RunInfo run, Instant startedAt) {
            this.run = Objects.requireNonNull(run, "run");
            this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        }

        public Builder step(StepResult step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        public Builder measurement(MeasurementResult measurement) {
            measurements.add(Objects.requireNonNull(measurement, "measurement"));
            return this;
        }

        public Builder admission(AdmissionRow row) {
            admissions.add(Objects.requireNonNull(row, "row"));
            return this;
        }

        public Builder verdicts(VerdictTable table) {
            verdicts = Objects.requireNonNull(table, "table");
            return this;
        }

        public Builder packetsSent(long sent) {
            packetsSent = sent;
            return this;
        }

        /** Lists the failure if fewer than {@link #MAX_LISTED} are listed; the verdict table counts them all. */
        public Builder packetFailure(PacketFailure failure) {
            if (packetFailures.size() < MAX_LISTED) {
                packetFailures.add(Objects.requireNonNull(failure, "failure"));
            }
            return this;
        }

        public Builder jobsCompleted(Map<String, Long> byMember) {
            jobsByMember = new TreeMap<>(byMember);
            return this;
        }

        /** Counts a failed job, and lists it if fewer than {@link #MAX_LISTED} are listed. */
        public Builder jobFailure(JobFailure failure) {
            jobsFailed++;
            if (jobFailures.size() < MAX_LISTED) {
                jobFailures.add(Objects.requireNonNull(failure, "failure"));
            }
            return this;
        }

        public Builder timeline(TimelineEntry entry) {
            timeline.add(Objects.requireNonNull(entry, "entry"));
            return this;
        }

        public Builder timeline(Collection<TimelineEntry> entries) {
            entries.forEach(this::timeline);
            return this;
        }

        /** Adds a sentence to the report's message, e.g. why it is incomplete. */
        public Builder note(String note) {
            notes.add(Objects.requireNonNull(note, "note"));
            return this;
        }

        /** The last moment the run was known alive; the end of an unfinished run. */
        public Builder lastSeen(Instant wall, Duration sinceStart) {
            endedAt = Objects.requireNonNull(wall, "wall");
            duration = Objects.requireNonNull(sinceStart, "sinceStart");
            return this;
        }

        public Builder finished(RunVerdict verdict, String message, Instant endedAt, Duration duration) {
            this.verdict = Objects.requireNonNull(verdict, "verdict");
            this.message = Text.orEmpty(message);
            return lastSeen(endedAt, duration);
        }

        public RunReport build() {
            boolean complete = verdict != null;
            List<String> text = new ArrayList<>();
            if (!message.isEmpty()) {
                text.add(message);
            }
            if (!complete) {
                text.add("the run did not finish: its journal has no run-finished line");
            }
            text.addAll(notes);
            long jobsCompleted = jobsByMember.values().stream().mapToLong(Long::longValue).sum();
            return new RunReport(run.plan(), run.rig(), run.seed(), run.nicrigVersion(), startedAt,
                    endedAt == null ? startedAt : endedAt, duration, complete ? verdict : RunVerdict.ERROR, complete,
                    String.join("; ", text), steps, measurements, admissions, verdicts, packetsSent, packetFailures,
                    new JobSummary(jobsCompleted, jobsFailed, jobsByMember, jobFailures), timeline);
        }
    }
}
