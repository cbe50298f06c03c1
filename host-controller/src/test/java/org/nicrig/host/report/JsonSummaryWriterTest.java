package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSummaryWriterTest {
    @TempDir
    Path dir;

    @Test
    void theSummaryReadsBackAsTheSameReport() throws Exception {
        RunReport r = SampleRun.standard().report(dir);
        Path json = dir.resolve("summary.json");
        JsonSummaryWriter.write(r, json);
        assertThat(JsonSummaryWriter.read(json)).isEqualTo(r);
    }

    @Test
    void theSummaryHasTheFieldsADashboardReads() throws Exception {
        RunReport r = SampleRun.standard().report(dir);
        Path json = dir.resolve("summary.json");
        JsonSummaryWriter.write(r, json);
        JsonNode root = Json.MAPPER.readTree(json.toFile());
        assertThat(root.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(root.get("seed").asLong()).isEqualTo(42);
        assertThat(root.get("startedAt").asText()).isEqualTo("2025-03-14T09:26:53.589793Z");
        assertThat(root.get("duration").asText()).isEqualTo("PT2.04S");
        assertThat(root.at("/verdicts/total/failed").asLong()).isEqualTo(3);
        assertThat(root.at("/verdicts/byMember/nic1/failuresByCheck/ICV").asLong()).isEqualTo(3);
        assertThat(root.at("/measurements/1/outcome").asText()).isEqualTo("MARGINAL");
        // only record components are written, no derived getters
        assertThat(root.has("memberNames")).isFalse();
        assertThat(root.at("/verdicts/total").has("packets")).isFalse();
    }
}
