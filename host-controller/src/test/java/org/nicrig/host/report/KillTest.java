package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design invariant 4 for real: a run in another JVM is killed (SIGKILL) mid-traffic, and what it
 * leaves is readable — a journal that says it is incomplete, a capture up to its last whole packet —
 * and reports can be rebuilt from the journal alone.
 */
class KillTest {
    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesAReadableIncompleteJournalAndCapture() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                KilledRun.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path journal = dir.resolve(RunJournal.FILE_NAME);
        Path capture = dir.resolve("nic0.pcap");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && run.isAlive()
                    && !(Files.exists(capture) && Files.size(journal) > 200_000 && Files.size(capture) > 100_000)) {
                Thread.sleep(10);
            }
            assertThat(run.isAlive()).as("child log: %s", Files.exists(dir.resolve("child.log"))
                    ? Files.readString(dir.resolve("child.log")) : "").isTrue();
        } finally {
            run.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks in the child
            run.waitFor(30, TimeUnit.SECONDS);
        }

        Journal read = JournalReader.read(journal);
        assertThat(read.complete()).isFalse();
        assertThat(read.runStarted()).isPresent();
        assertThat(read.events().size()).isGreaterThan(500);
        RunReport report = RunReport.fromJournal(read);
        assertThat(report.complete()).isFalse();
        assertThat(report.verdict()).isEqualTo(RunVerdict.ERROR);
        assertThat(report.steps()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("endless traffic");
            assertThat(s.outcome()).isEqualTo(StepOutcome.ERROR);
        });
        assertThat(report.verdicts().total().packets()).isGreaterThan(100);
        ReportSet.Files files = ReportSet.fromJournal(journal);
        assertThat(files.html()).exists();

        PcapFile pcap = PcapReader.read(capture);
        assertThat(pcap.records().size()).isGreaterThan(10);
        assertThat(pcap.records()).allSatisfy(r -> assertThat(r.data()).hasSize(1514));
        long whole = 24 + pcap.records().size() * (16L + 1514);
        assertThat(Files.size(capture)).as("whole packets, plus at most one torn").isBetween(whole, whole + 16 + 1513);
        assertThat(new File(dir.toFile(), "child.log")).exists();
    }
}
