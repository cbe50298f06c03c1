package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nicrig.host.report.JournalEvent.*;

/** Every event type survives a trip through one JSON line, under its documented type name. */
class JournalEventJsonTest {
    private static final Instant T = Instant.parse("2025-03-14T09:26:53.123456789Z");

    static List<JournalEvent> oneOfEach() {
        Counts c = new Counts(5, 2, Map.of("ICV", 2L, "PADDING", 1L));
        return List.of(
                new RunStarted(0, T, "plan", "rig", -7, "0.1.0", true),
                new StepStarted(1, T, "traffic", "traffic"),
                new StepFinished(2, T, "traffic", "traffic", StepOutcome.FAIL, Duration.ofMillis(1500), "why", 300, 123_456),
                new PacketSent(3, T, "nic0", "udp-1", 17, 1400),
                new PacketVerified(4, T, "nic0", 0xfffffffeL, 17, false, List.of("ICV", "PADDING"), "detail"),
                new PacketVerified(5, T, "nic0", 1, 18, true, List.of(), ""),
                new Progress(6, T, 10, 7, 2, 3, 1, Map.of("nic0", c), Map.of("0x00000001", c), Map.of("nic1", 3L)),
                new JobCompleted(7, T, 99, "nic1", 1024, 350_000, 2),
                new JobFailed(8, T, 100, "nic1", "timed out"),
                new FaultInjected(9, T, "nic0", "GARBLE", "ppm=100"),
                new TeamEventRecorded(10, T, TeamEventKind.FAILED_OVER, "nic1", "from nic0", 12_000_000L),
                new TeamEventRecorded(11, T, TeamEventKind.LINK_CHANGED, "nic0", "down", null),
                new MemberAdmission(12, T, "nic2", "8086:1030", false, false, false, "not allowed"),
                new MeasurementRecorded(13, T, "gap", 12.5, "ms", "<= 50 ms", MeasurementOutcome.MARGINAL, "traffic"),
                new RunFinished(14, T, RunVerdict.ERROR, "port busy"));
    }

    @Test
    void everyEventTypeRoundTrips() throws Exception {
        for (JournalEvent e : oneOfEach()) {
            String line = Json.MAPPER.writeValueAsString(e);
            assertThat(line).as("one line").doesNotContain("\n");
            assertThat(Json.MAPPER.readValue(line, JournalEvent.class)).as(line).isEqualTo(e);
        }
    }

    @Test
    void typeNamesAndTimeFormatsAreTheDocumentedOnes() throws Exception {
        List<String> types = oneOfEach().stream().map(e -> {
            try {
                return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(e)).get("type").asText();
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        }).distinct().toList();
        assertThat(types).containsExactly("run-started", "step-started", "step-finished", "packet-sent",
                "packet-verified", "progress", "job-completed", "job-failed", "fault-injected", "team-event",
                "admission", "measurement", "run-finished");
        JsonNode step = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(oneOfEach().get(2)));
        assertThat(step.get("wallTime").asText()).isEqualTo("2025-03-14T09:26:53.123456789Z");
        assertThat(step.get("duration").asText()).isEqualTo("PT1.5S");
        assertThat(step.get("atNanos").asLong()).isEqualTo(2);
    }

    @Test
    void aFieldFromANewerVersionIsIgnoredButAnUnknownTypeIsNot() throws Exception {
        String newer = "{\"type\":\"job-failed\",\"atNanos\":8,\"wallTime\":\"2025-03-14T09:26:53Z\",\"jobId\":1,"
                + "\"member\":\"m\",\"reason\":\"r\",\"addedLater\":true}";
        assertThat(Json.MAPPER.readValue(newer, JournalEvent.class)).isInstanceOf(JobFailed.class);
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"type\":\"teleported\",\"atNanos\":1}", JournalEvent.class))
                .hasMessageContaining("teleported");
    }

    @Test
    void aStepFinishedLineWrittenBeforeItemsAndBytesWereRecordedReadsWithZero() throws Exception {
        String older = "{\"type\":\"step-finished\",\"atNanos\":2,\"wallTime\":\"2025-03-14T09:26:53Z\","
                + "\"step\":\"s\",\"stepType\":\"traffic\",\"outcome\":\"PASS\",\"duration\":\"PT1S\",\"message\":\"\"}";
        StepFinished f = (StepFinished) Json.MAPPER.readValue(older, JournalEvent.class);
        assertThat(f.items()).isZero();
        assertThat(f.bytes()).isZero();
        assertThat(f.duration()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aVerdictIsOkExactlyWhenNoCheckFailed() {
        assertThatThrownBy(() -> new PacketVerified(0, T, "m", 1, 1, true, List.of("ICV"), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacketVerified(0, T, "m", 1, 1, false, List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
