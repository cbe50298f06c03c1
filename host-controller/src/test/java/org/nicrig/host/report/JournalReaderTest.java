package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.report.JournalEvent.RunFinished;

/** A journal left by a killed run reads up to its last intact line and says it is incomplete. */
class JournalReaderTest {
    @TempDir
    Path dir;

    private Path finishedJournal() throws IOException {
        return SampleRun.standard().write(dir, true);
    }

    @Test
    void aTornLastLineIsReportedAndTheRestIsRead() throws IOException {
        Path path = finishedJournal();
        byte[] all = Files.readAllBytes(path);
        int events = JournalReader.read(path).events().size();
        // cut the run-finished line in half, as a kill during its write would
        int lastLineStart = lastIndexOf(all, (byte) '\n', all.length - 2) + 1;
        Files.write(path, Arrays.copyOf(all, lastLineStart + (all.length - lastLineStart) / 2));

        Journal read = JournalReader.read(path);
        assertThat(read.tornLastLine()).isTrue();
        assertThat(read.tornLine()).isEqualTo(events);
        assertThat(read.complete()).as("its run-finished line is the torn one").isFalse();
        assertThat(read.events()).hasSize(events - 1);
        assertThat(read.status()).contains("incomplete").contains("line " + events + " was torn");
    }

    @Test
    void everyCutOfTheFileReadsWithoutErrorUpToItsLastWholeLine() throws IOException {
        RunJournal j = RunJournal.start(dir, SampleRun.INFO,
                JournalOptions.DEFAULT.withProgressInterval(java.time.Duration.ZERO), new FakeClock());
        j.stepStarted("traffic", "traffic");
        j.packetVerified("nic0", 1, 1, List.of("ICV"), "bad");
        j.finish(RunVerdict.FAIL, "one failure");
        Path path = j.path();
        byte[] all = Files.readAllBytes(path);
        List<String> lines = Files.readAllLines(path);
        for (int length = 0; length <= all.length; length++) {
            Journal read = JournalReader.read(path, new ByteArrayInputStream(all, 0, length));
            String prefix = new String(all, 0, length, StandardCharsets.UTF_8);
            long wholeLines = prefix.chars().filter(c -> c == '\n').count();
            boolean partial = length > 0 && all[length - 1] != '\n';
            // a cut right after a line's closing brace leaves valid JSON without its newline: that line is whole
            boolean partialButWhole = partial && all[length - 1] == '}' && all[length] == '\n';
            assertThat(read.events()).as("cut at %d", length).hasSize((int) wholeLines + (partialButWhole ? 1 : 0));
            assertThat(read.tornLastLine()).as("cut at %d", length).isEqualTo(partial && !partialButWhole);
            assertThat(read.complete()).as("cut at %d", length).isEqualTo(read.events().size() == lines.size());
        }
    }

    @Test
    void aZeroFilledTailAfterACrashIsATornLine() throws IOException {
        Path path = SampleRun.standard().write(dir, false);
        int events = JournalReader.read(path).events().size();
        Files.write(path, "{\"type\":\"packet-verified\",\"atNa".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        Files.write(path, new byte[4096], StandardOpenOption.APPEND);
        Journal read = JournalReader.read(path);
        assertThat(read.events()).hasSize(events);
        assertThat(read.tornLastLine()).isTrue();
        assertThat(read.complete()).isFalse();
    }

    @Test
    void aBadLineInTheMiddleIsAnErrorNamingTheLine() throws IOException {
        Path path = finishedJournal();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(path));
        lines.set(2, lines.get(2).substring(0, 20));
        Files.write(path, lines);
        assertThatThrownBy(() -> JournalReader.read(path)).isInstanceOfSatisfying(JournalFormatException.class,
                e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith(path + ":3: not a journal event");
                });
    }

    @Test
    void aFileThatDoesNotStartWithRunStartedIsNotAJournal() throws IOException {
        Path path = dir.resolve("other.jsonl");
        Files.writeString(path, Json.MAPPER.writeValueAsString(
                new RunFinished(0, FakeClock.WALL_ORIGIN, RunVerdict.PASS, "")) + "\n");
        assertThatThrownBy(() -> JournalReader.read(path)).isInstanceOf(JournalFormatException.class)
                .hasMessageContaining(":1: the first event must be run-started");
    }

    @Test
    void anEmptyFileIsAnIncompleteEmptyJournal() throws IOException {
        Path path = Files.createFile(dir.resolve("journal.jsonl"));
        Journal read = JournalReader.read(path);
        assertThat(read.events()).isEmpty();
        assertThat(read.complete()).isFalse();
        assertThat(read.runStarted()).isEmpty();
    }

    private static int lastIndexOf(byte[] a, byte b, int from) {
        for (int i = from; i >= 0; i--) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
