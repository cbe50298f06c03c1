package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.report.JournalEvent.JobCompleted;
import org.nicrig.host.report.JournalEvent.PacketSent;
import org.nicrig.host.report.JournalEvent.PacketVerified;
import org.nicrig.host.report.JournalEvent.Progress;
import org.nicrig.host.report.JournalEvent.RunFinished;
import org.nicrig.host.report.JournalEvent.RunStarted;
import org.nicrig.host.report.JournalEvent.StepFinished;
import org.nicrig.host.report.JournalEvent.TeamEventRecorded;

class RunJournalTest {
    private static final JournalOptions MANUAL = JournalOptions.DEFAULT.withProgressInterval(Duration.ZERO);

    @TempDir
    Path dir;

    @Test
    void appendsAndReadsBackInOrderWithTimestampsFromTheStart() throws IOException {
        FakeClock clock = new FakeClock();
        RunJournal j = RunJournal.start(dir, SampleRun.INFO, MANUAL.withVerbose(true), clock);
        clock.advance(Duration.ofMillis(5));
        j.stepStarted("traffic", "traffic");
        j.packetSent("nic0", "udp-1", 1, 100);
        clock.advance(Duration.ofNanos(250));
        j.packetVerified("nic0", 0x1001, 1, List.of(), "");
        j.jobCompleted(7, "nic1", 64, Duration.ofNanos(90_000), 1);
        j.failedOver("nic1", "from nic0", Duration.ofMillis(3));
        j.stepFinished("traffic", "traffic", StepOutcome.PASS, Duration.ofMillis(5), "");
        j.finish(RunVerdict.PASS, "all good");

        Journal read = JournalReader.read(dir.resolve("journal.jsonl"));
        assertThat(read.complete()).isTrue();
        assertThat(read.tornLastLine()).isFalse();
        assertThat(read.status()).isEqualTo("complete");
        List<JournalEvent> ev = read.events();
        assertThat(ev).extracting(e -> e.getClass().getSimpleName()).containsExactly("RunStarted", "StepStarted",
                "PacketSent", "PacketVerified", "JobCompleted", "TeamEventRecorded", "StepFinished", "Progress",
                "RunFinished");
        RunStarted start = (RunStarted) ev.get(0);
        assertThat(start).isEqualTo(new RunStarted(0, FakeClock.WALL_ORIGIN, "failover", "ci-emulated", 42, "test",
                true));
        assertThat(ev.get(1).atNanos()).isEqualTo(5_000_000);
        assertThat(ev.get(2)).isEqualTo(new PacketSent(5_000_000, FakeClock.WALL_ORIGIN.plusMillis(5), "nic0",
                "udp-1", 1, 100));
        assertThat(ev.get(3).atNanos()).isEqualTo(5_000_250);
        assertThat(((PacketVerified) ev.get(3)).ok()).isTrue();
        assertThat(((JobCompleted) ev.get(4)).latencyNanos()).isEqualTo(90_000);
        assertThat(((TeamEventRecorded) ev.get(5)).gapNanos()).isEqualTo(3_000_000);
        assertThat(((StepFinished) ev.get(6)).outcome()).isEqualTo(StepOutcome.PASS);
        assertThat(((RunFinished) ev.get(8)).verdict()).isEqualTo(RunVerdict.PASS);
        assertThat(((RunFinished) ev.get(8)).message()).isEqualTo("all good");
    }

    @Test
    void byDefaultPacketsAreCountedNotJournaledButEveryFailureIs() throws IOException {
        RunJournal j = RunJournal.start(dir, SampleRun.INFO, MANUAL, new FakeClock());
        for (int i = 1; i <= 10_000; i++) {
            j.packetSent(i % 2 == 0 ? "nic0" : "nic1", "f", i, 1400);
            List<String> failed = i % 4000 == 0 ? List.of("ICV") : i == 5 ? List.of("ICV", "PADDING") : List.of();
            j.packetVerified(i % 2 == 0 ? "nic0" : "nic1", i % 2 == 0 ? 0x10 : 0x11, i, failed, "d" + i);
            j.jobCompleted(i, "nic0", 64, Duration.ofNanos(1_000), 1);
        }
        j.finish(RunVerdict.FAIL, "");

        List<String> lines = Files.readAllLines(j.path());
        assertThat(lines).as("run-started, 3 failures, one progress, run-finished").hasSize(6);
        Journal read = JournalReader.read(j.path());
        assertThat(read.events()).filteredOn(PacketVerified.class::isInstance)
                .extracting(e -> ((PacketVerified) e).seq()).containsExactly(5L, 4000L, 8000L);
        Progress p = (Progress) read.events().get(4);
        assertThat(p.packetsSent()).isEqualTo(10_000);
        assertThat(p.packetsVerified()).isEqualTo(10_000);
        assertThat(p.packetsFailed()).isEqualTo(3);
        assertThat(p.jobsCompleted()).isEqualTo(10_000);
        assertThat(p.jobsByMember()).containsExactly(Map.entry("nic0", 10_000L));
        assertThat(p.byMember().get("nic0")).isEqualTo(new Counts(4998, 2, Map.of("ICV", 2L)));
        assertThat(p.byMember().get("nic1")).isEqualTo(new Counts(4999, 1, Map.of("ICV", 1L, "PADDING", 1L)));
        assertThat(p.bySa()).containsOnlyKeys("0x00000010", "0x00000011");
        assertThat(p.bySa().get("0x00000011")).isEqualTo(p.byMember().get("nic1"));
    }

    @Test
    void aJournalClosedWithoutFinishIsIncompleteButKeepsItsTotals() throws IOException {
        RunJournal j = RunJournal.start(dir, SampleRun.INFO, MANUAL, new FakeClock());
        j.packetSent("nic0", "f", 1, 60);
        j.packetVerified("nic0", 1, 1, List.of(), "");
        j.close();

        Journal read = JournalReader.read(j.path());
        assertThat(read.complete()).isFalse();
        assertThat(read.tornLastLine()).isFalse();
        assertThat(read.runFinished()).isEmpty();
        assertThat(read.status()).contains("incomplete").contains("did not finish");
        assertThat(read.events().get(read.events().size() - 1)).isInstanceOfSatisfying(Progress.class,
                p -> assertThat(p.packetsVerified()).isEqualTo(1));
    }

    @Test
    void progressLinesAreWrittenWhileTheRunGoes() throws Exception {
        RunJournal j = RunJournal.start(dir, SampleRun.INFO,
                JournalOptions.DEFAULT.withProgressInterval(Duration.ofMillis(5)));
        j.packetSent("nic0", "f", 1, 60);
        // no assertion on timing: wait (bounded) until the ticker has written the change
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.readAllLines(j.path()).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        List<String> lines = Files.readAllLines(j.path());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\"type\":\"progress\"").contains("\"packetsSent\":1");
        Thread.sleep(30);
        assertThat(Files.readAllLines(j.path())).as("nothing changed, no new progress line").hasSize(2);
        j.finish(RunVerdict.PASS, "");
        assertThat(JournalReader.read(j.path()).complete()).isTrue();
    }

    @Test
    void timestampsNeverGoBackwardsInTheFile() throws IOException {
        RunJournal j = RunJournal.start(dir, SampleRun.INFO, MANUAL.withVerbose(true));
        for (int i = 0; i < 2000; i++) {
            j.packetSent("nic0", "f", i, 60);
        }
        j.finish(RunVerdict.PASS, "");
        List<JournalEvent> ev = JournalReader.read(j.path()).events();
        for (int i = 1; i < ev.size(); i++) {
            assertThat(ev.get(i).atNanos()).isGreaterThanOrEqualTo(ev.get(i - 1).atNanos());
        }
    }

    @Test
    void aPreviousRunsJournalIsNeverOverwritten() throws IOException {
        RunJournal.start(dir, SampleRun.INFO, MANUAL).finish(RunVerdict.PASS, "");
        byte[] before = Files.readAllBytes(dir.resolve(RunJournal.FILE_NAME));
        assertThatThrownBy(() -> RunJournal.start(dir, SampleRun.INFO, MANUAL))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(dir.resolve(RunJournal.FILE_NAME))).isEqualTo(before);
    }

    @Test
    void loggingAfterTheEndIsAProgrammingError() throws IOException {
        RunJournal j = RunJournal.start(dir, SampleRun.INFO, MANUAL);
        j.finish(RunVerdict.PASS, "");
        assertThatThrownBy(() -> j.packetSent("nic0", "f", 1, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> j.finish(RunVerdict.PASS, "")).isInstanceOf(IllegalStateException.class);
        j.close(); // after finish: nothing to do, no error
        assertThat(JournalReader.read(j.path()).complete()).isTrue();
    }

    @Test
    void aNonVerboseRunSaysSoInItsFirstLine() throws IOException {
        RunJournal j = RunJournal.start(dir, SampleRun.INFO, MANUAL);
        j.finish(RunVerdict.PASS, "");
        RunStarted s = JournalReader.read(j.path()).runStarted().orElseThrow();
        assertThat(s.verbose()).isFalse();
        assertThat(s.seed()).isEqualTo(42);
    }
}
