package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.report.JournalEvent.Progress;

/** Eight threads logging at once: every line whole, valid JSON, and every event present once. */
class ConcurrentJournalTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 2_000;

    @TempDir
    Path dir;

    @Test
    void concurrentAppendsAreAllPresentAndEachLineIsValidJson() throws Exception {
        RunJournal j = RunJournal.start(dir, SampleRun.INFO,
                JournalOptions.DEFAULT.withVerbose(true).withProgressInterval(Duration.ofMillis(1)));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String member = "nic" + t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        j.packetSent(member, "flow-" + member, i, 1400);
                        j.packetVerified(member, 0x100 + member.hashCode() % 7, i,
                                i % 500 == 0 ? List.of("ICV") : List.of(), "");
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        j.finish(RunVerdict.PASS, "");

        List<String> lines = Files.readAllLines(j.path());
        Set<String> sent = new HashSet<>();
        long verified = 0;
        for (String line : lines) {
            JsonNode node = Json.MAPPER.readTree(line); // throws on an interleaved or torn line
            if (node.get("type").asText().equals("packet-sent")) {
                assertThat(sent.add(node.get("member").asText() + "#" + node.get("seq").asLong()))
                        .as("duplicate line %s", line).isTrue();
            } else if (node.get("type").asText().equals("packet-verified")) {
                verified++;
            }
        }
        assertThat(sent).hasSize(THREADS * PER_THREAD);
        assertThat(verified).isEqualTo(THREADS * PER_THREAD);
        Journal read = JournalReader.read(j.path());
        assertThat(read.complete()).isTrue();
        Progress last = (Progress) read.events().get(read.events().size() - 2);
        assertThat(last.packetsSent()).isEqualTo(THREADS * PER_THREAD);
        assertThat(last.packetsFailed()).isEqualTo(THREADS * (PER_THREAD / 500));
        assertThat(last.byMember()).hasSize(THREADS);
    }
}
