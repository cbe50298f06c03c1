package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.report.TimelineEntry.Kind;

/** A report rebuilt from the journal alone carries the run's numbers, as {@link SampleRun} made them. */
class RunReportTest {
    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void headerStepsAndMeasurementsFromTheJournal() throws Exception {
        RunReport r = SampleRun.standard().report(dir);
        assertThat(r.plan()).isEqualTo("failover");
        assertThat(r.rig()).isEqualTo("ci-emulated");
        assertThat(r.seed()).isEqualTo(42);
        assertThat(r.nicrigVersion()).isEqualTo("test");
        assertThat(r.startedAt()).isEqualTo(FakeClock.WALL_ORIGIN);
        assertThat(r.duration()).isEqualTo(Duration.ofMillis(40 + 1000 + 500 + 12 + 488));
        assertThat(r.endedAt()).isEqualTo(FakeClock.WALL_ORIGIN.plus(r.duration()));
        assertThat(r.verdict()).isEqualTo(RunVerdict.FAIL);
        assertThat(r.complete()).isTrue();
        assertThat(r.message()).isEqualTo("3 packets failed verification");
        assertThat(r.steps()).containsExactly(
                new StepResult("admit", "admit", StepOutcome.PASS, Duration.ofMillis(40), ""),
                new StepResult("traffic", "traffic", StepOutcome.FAIL, Duration.ofMillis(2000),
                        "3 packets failed verification", 153, 250_000),
                new StepResult("cleanup", "teardown", StepOutcome.SKIPPED, Duration.ZERO, "nothing to clean"));
        assertThat(r.steps().get(1).megabitsPerSecond()).as("250,000 bytes in 2 s").isEqualTo(1.0);
        assertThat(r.steps().get(0).megabitsPerSecond()).as("moved nothing").isNaN();
        assertThat(r.measurements()).extracting(MeasurementResult::name, MeasurementResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fail-over gap", MeasurementOutcome.PASS),
                org.assertj.core.groups.Tuple.tuple("throughput", MeasurementOutcome.MARGINAL),
                org.assertj.core.groups.Tuple.tuple("ICV failures", MeasurementOutcome.FAIL));
        assertThat(r.measurements().get(1).value()).isEqualTo(91.5);
        assertThat(r.admissions()).containsExactly(
                new AdmissionRow("nic0", "8086:1229 rev 8, fw 2.1", true, true, true, ""),
                new AdmissionRow("nic1", "8086:1229 rev 9, fw 2.1", true, true, true, ""),
                new AdmissionRow("nic2", "8086:1030 rev 1", false, false, false, "8086:1030 is not on the allow-list"));
        assertThat(r.memberNames()).containsExactly("nic0", "nic1", "nic2");
    }

    @Test
    void verdictTableAndJobsFromTheJournal() throws Exception {
        RunReport r = SampleRun.standard().report(dir);
        assertThat(r.packetsSent()).isEqualTo(153);
        assertThat(r.verdicts().byMember()).containsExactly(
                Map.entry("nic0", new Counts(100, 0, Map.of())),
                Map.entry("nic1", new Counts(50, 3, Map.of("ICV", 3L, "PADDING", 1L))));
        assertThat(r.verdicts().bySa()).containsOnlyKeys("0x00001001", "0x00002002");
        assertThat(r.verdicts().total()).isEqualTo(new Counts(150, 3, Map.of("ICV", 3L, "PADDING", 1L)));
        assertThat(r.packetFailures()).extracting(PacketFailure::seq).containsExactly(151L, 152L, 153L);
        assertThat(r.packetFailures().get(2).checks()).containsExactly("ICV", "PADDING");
        assertThat(r.jobs().completedByMember()).containsExactly(Map.entry("nic0", 5L), Map.entry("nic1", 10L));
        assertThat(r.jobs().completed()).isEqualTo(15);
        assertThat(r.jobs().failed()).isEqualTo(1);
        assertThat(r.jobs().failures()).singleElement().satisfies(f -> {
            assertThat(f.jobId()).isEqualTo(16);
            assertThat(f.reason()).contains("3 attempts");
        });
    }

    @Test
    void timelineHasRolesLinksTheFaultTheGapAndJobs() throws Exception {
        RunReport r = SampleRun.standard().report(dir);
        long failover = 40 * MS + 1000 * MS + 500 * MS + 12 * MS;
        long end = r.duration().toNanos();
        assertThat(r.timeline()).contains(
                new TimelineEntry("nic0", 0, failover, Kind.ROLE, "primary", 0),
                new TimelineEntry("nic0", failover, end, Kind.ROLE, "standby", 0),
                new TimelineEntry("nic1", 0, failover, Kind.ROLE, "standby", 0),
                new TimelineEntry("nic1", failover, end, Kind.ROLE, "primary", 0),
                new TimelineEntry("nic0", 0, failover - 12 * MS, Kind.LINK, "up", 0),
                new TimelineEntry("nic0", failover - 12 * MS, end, Kind.LINK, "down", 0),
                new TimelineEntry("nic0", failover - 12 * MS, failover - 12 * MS, Kind.FAULT, "LINK_DOWN", 0),
                new TimelineEntry("nic1", failover - 12 * MS, failover, Kind.FAILOVER_GAP, "from nic0", 0),
                new TimelineEntry("nic1", 0, 1040 * MS, Kind.JOBS, "10 jobs", 10),
                new TimelineEntry("nic0", 1040 * MS, end, Kind.JOBS, "5 jobs", 5),
                new TimelineEntry("nic0", failover, failover, Kind.EVENT, "JOB_REDISPATCHED: job 15 from nic1", 0));
        assertThat(r.timeline()).filteredOn(e -> e.kind() == Kind.FAILOVER_GAP).singleElement()
                .satisfies(g -> assertThat(g.durationNanos()).isEqualTo(12 * MS));
        for (int i = 1; i < r.timeline().size(); i++) {
            assertThat(r.timeline().get(i).startNanos()).isGreaterThanOrEqualTo(r.timeline().get(i - 1).startNanos());
        }
    }

    @Test
    void anIncompleteJournalGivesAnErrorReportWithItsOpenStep() throws Exception {
        Path journal = SampleRun.standard().write(dir, false);
        RunReport r = RunReport.fromJournal(JournalReader.read(journal));
        assertThat(r.complete()).isFalse();
        assertThat(r.verdict()).isEqualTo(RunVerdict.ERROR);
        assertThat(r.message()).contains("did not finish");
        assertThat(r.steps()).extracting(StepResult::name, StepResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("admit", StepOutcome.PASS),
                org.assertj.core.groups.Tuple.tuple("traffic", StepOutcome.ERROR));
        assertThat(r.steps().get(1).duration()).isEqualTo(Duration.ofMillis(2000));
        assertThat(r.verdicts().total().failed()).as("counts up to the last progress line").isEqualTo(3);
        assertThat(r.endedAt()).isEqualTo(FakeClock.WALL_ORIGIN.plus(r.duration()));
    }

    @Test
    void verdictsAfterTheLastProgressLineAreCountedOnceFromTheirOwnLines() throws Exception {
        FakeClock clock = new FakeClock();
        RunJournal j = RunJournal.start(dir, SampleRun.INFO,
                JournalOptions.DEFAULT.withVerbose(true).withProgressInterval(Duration.ZERO), clock);
        j.packetVerified("nic0", 1, 1, List.of(), "");
        j.progress();
        j.packetVerified("nic0", 1, 2, List.of(), "");
        j.packetVerified("nic0", 1, 3, List.of("ICV"), "");
        j.packetSent("nic0", "f", 4, 10);
        // killed here: no final progress line
        RunReport r = RunReport.fromJournal(JournalReader.read(j.path()).events().subList(0, 6));
        assertThat(r.verdicts().byMember().get("nic0")).isEqualTo(new Counts(2, 1, Map.of("ICV", 1L)));
        assertThat(r.packetsSent()).isEqualTo(1);
        j.close();
    }

    @Test
    void theBuilderMakesTheSameKindOfReportWithoutAJournal() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        RunReport r = RunReport.builder(new RunInfo("p", "r", 1, "v"), start)
                .step(new StepResult("s", "t", StepOutcome.PASS, Duration.ofSeconds(1), null))
                .measurement(new MeasurementResult("m", 1, "ms", "<= 2 ms", MeasurementOutcome.PASS, "s"))
                .verdicts(VerdictTable.of(Map.of("a", new Counts(3, 1, Map.of("ICV", 1L))), Map.of()))
                .jobFailure(new JobFailure(5, 9, "a", "gone"))
                .finished(RunVerdict.PASS, "ok", start.plusSeconds(2), Duration.ofSeconds(2))
                .build();
        assertThat(r.complete()).isTrue();
        assertThat(r.verdict()).isEqualTo(RunVerdict.PASS);
        assertThat(r.verdicts().total()).isEqualTo(new Counts(3, 1, Map.of("ICV", 1L)));
        assertThat(r.jobs().failed()).isEqualTo(1);
        assertThat(r.steps().get(0).message()).isEmpty();

        RunReport unfinished = RunReport.builder(new RunInfo("p", "r", 1, "v"), start).build();
        assertThat(unfinished.verdict()).isEqualTo(RunVerdict.ERROR);
        assertThat(unfinished.complete()).isFalse();
    }

    @Test
    void aJournalMustStartWithRunStarted() {
        assertThatThrownBy(() -> RunReport.fromJournal(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTornJournalSaysSoInTheReport() throws Exception {
        Path journal = SampleRun.standard().write(dir, true);
        byte[] all = java.nio.file.Files.readAllBytes(journal);
        java.nio.file.Files.write(journal, java.util.Arrays.copyOf(all, all.length - 5));
        RunReport r = RunReport.fromJournal(JournalReader.read(journal));
        assertThat(r.complete()).isFalse();
        assertThat(r.message()).contains("torn mid-write");
    }
}
