package org.nicrig.host.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.host.compare.Runs.conformance;
import static org.nicrig.host.compare.Runs.ran;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.config.Schemas;
import org.nicrig.host.report.MeasurementOutcome;
import org.nicrig.host.report.StepOutcome;

/** comparison.json: valid against schemas/comparison.schema.json, reads back the same, and the two agree field for field. */
class ComparisonJsonTest {
    private static final String SCHEMA = "comparison.schema.json";

    @TempDir
    Path dir;

    static List<Comparison> samples() {
        Runs.Run defective = conformance().failed("1 step(s) failed")
                .stepOutcome("conforms", StepOutcome.FAIL, "1 of 2 expectations failed")
                .measured("conforms", "verified_fraction", 0.25, MeasurementOutcome.FAIL)
                .verifierFailure("IV_REUSE", 3000).slower("jobs-aes", 600);
        ImageValidation refused = ImageValidation.stopped(Runs.image("1.5.2"),
                List.of(new FlashRow("fpga1", FlashRow.Status.REFUSED, "1.4.0", "BAD_SIGNATURE")), "fpga1 refused it");
        ImageValidation unsigned = ImageValidation.ran(new ImageFacts("u.img", "1.5.0", "1172:e001 rev 0x01..0x0f", 0,
                false, "", "ab".repeat(32), List.of("IV_REUSE"), List.of("a note")), List.of(), Map.of());
        List<String> plans = List.of("conformance", "aft-failover");
        ImageValidation base = ran("1.4.0", "baseline", conformance(), Runs.failover());
        return Stream.of(
                ran("1.5.0", "candidate", conformance(), Runs.failover()),
                ran("1.5.1", "candidate", defective, Runs.failover().failed("x")
                        .measured("failed-over-on-link-down", "failover_gap", -1, MeasurementOutcome.FAIL)),
                refused, unsigned)
                .map(candidate -> Comparer.compare("emulated", -3, "test", base, candidate, plans, Runs.SUITES,
                        ComparisonSettings.DEFAULT))
                .toList();
    }

    @Test
    void everySampleIsValidAgainstThePublishedSchemaAndReadsBackTheSame() throws Exception {
        List<Comparison> samples = samples();
        assertThat(samples).extracting(Comparison::decision)
                .containsExactly(Decision.GO, Decision.NO_GO, Decision.NO_GO, Decision.NO_GO);
        for (Comparison c : samples) {
            Path file = dir.resolve(ComparisonJsonWriter.FILE_NAME);
            ComparisonJsonWriter.write(c, file);
            JsonNode doc = new ObjectMapper().readTree(file.toFile());
            Set<ValidationMessage> problems = Schemas.schema(SCHEMA).validate(doc);
            assertThat(problems).as("%s", c.decision()).isEmpty();
            assertThat(ComparisonJsonWriter.read(file)).isEqualTo(c);
            assertThat(Files.readString(file)).doesNotContain("NaN").doesNotContain("Infinity");
        }
    }

    @Test
    void theFieldsAScriptReadsAreWhereTheSchemaSays() throws Exception {
        Path file = dir.resolve("c.json");
        ComparisonJsonWriter.write(samples().get(1), file);
        JsonNode doc = new ObjectMapper().readTree(file.toFile());
        assertThat(doc.get("format").asText()).isEqualTo("nicrig-firmware-comparison/1");
        assertThat(doc.get("decision").asText()).isEqualTo("NO_GO");
        assertThat(doc.get("seed").asLong()).isEqualTo(-3);
        assertThat(doc.get("newFailures").findValuesAsText("name")).contains("IV_REUSE");
        assertThat(doc.get("candidate").get("image").get("version").asText()).isEqualTo("1.5.1");
        JsonNode gap = doc.get("failoverGaps").get(0);
        assertThat(gap.get("candidateMs").isNull()).as("not measured is null, not -1").isTrue();
        assertThat(gap.get("baselineMs").asDouble()).isEqualTo(120.0);
    }

    @Test
    void aRejectedDocumentIsRejectedForTheRightReason() throws Exception {
        Path file = dir.resolve("c.json");
        ComparisonJsonWriter.write(samples().get(0), file);
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
        doc.put("decision", "MAYBE");
        assertThat(Schemas.schema(SCHEMA).validate(doc)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("decision"));
    }

    /** Each object in the schema lists exactly its record's components, all required: a field added to one shows here. */
    @Test
    void theSchemaAndTheRecordsHaveTheSameFields() {
        JsonNode schema = Schemas.node(SCHEMA);
        JsonNode defs = schema.get("$defs");
        assertSameFields(schema, Comparison.class);
        assertSameFields(defs.get("side"), Comparison.Side.class);
        assertSameFields(defs.get("image"), ImageFacts.class);
        assertSameFields(defs.get("flash"), FlashRow.class);
        assertSameFields(defs.get("finding"), Finding.class);
        assertSameFields(defs.get("plan"), PlanComparison.class);
        assertSameFields(defs.get("plan").get("properties").get("checks").get("items"), CheckRow.class);
        assertSameFields(defs.get("throughput"), ThroughputFigure.class);
        assertSameFields(defs.get("failoverGap"), FailoverGap.class);
        assertThat(Schemas.enumValues(defs.get("checkKind"))).containsExactlyElementsOf(names(CheckKind.values()));
        assertThat(Schemas.enumValues(defs.get("flash").get("properties").get("status")))
                .containsExactlyElementsOf(names(FlashRow.Status.values()));
        assertThat(Schemas.enumValues(schema.get("properties").get("decision"))).containsExactlyElementsOf(names(Decision.values()));
        assertThat(Schemas.enumValues(defs.get("throughput").get("properties").get("judgement")))
                .containsExactlyElementsOf(names(ThroughputFigure.Judgement.values()));
    }

    private static void assertSameFields(JsonNode objectSchema, Class<? extends Record> type) {
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(Schemas.propertyNames(objectSchema)).as(type.getSimpleName()).containsExactlyElementsOf(components);
        List<String> required = new java.util.ArrayList<>();
        objectSchema.get("required").forEach(n -> required.add(n.asText()));
        assertThat(required).as(type.getSimpleName() + " required").containsExactlyElementsOf(components);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
