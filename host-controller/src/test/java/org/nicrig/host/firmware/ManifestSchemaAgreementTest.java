package org.nicrig.host.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nicrig.host.config.Schemas;
import org.nicrig.host.rig.RigWords;

/**
 * schemas/firmware-manifest.schema.json and ManifestReader take the same keys and words, and the
 * shipped example manifests pass both and name the schema for editors.
 */
class ManifestSchemaAgreementTest {
    static final String SCHEMA_FILE = "firmware-manifest.schema.json";
    static final JsonNode SCHEMA = Schemas.node(SCHEMA_FILE);
    static final JsonNode DEFS = SCHEMA.get("$defs");

    @TempDir
    Path dir;

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(ManifestReaderTest.EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theThreeExamplesAreShipped() throws IOException {
        assertThat(examples().map(p -> p.getFileName().toString()))
                .containsExactly("fpga-aes-1.4.0.yaml", "fpga-aes-1.5.0.yaml", "fpga-aes-1.5.1-iv-reuse.yaml");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplePassesTheSchemaAndTheReader(Path file) throws Exception {
        assertThat(Schemas.complaints(SCHEMA_FILE, file)).isEmpty();
        assertThat(ManifestReader.load(file)).isNotNull();
        assertThat(Files.readAllLines(file).get(0))
                .isEqualTo("# yaml-language-server: $schema=../../schemas/firmware-manifest.schema.json");
    }

    @Test
    void objectsTakeTheSameKeys() {
        assertThat(Schemas.propertyNames(SCHEMA)).containsExactlyInAnyOrderElementsOf(ManifestReader.KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("target"))).containsExactlyInAnyOrderElementsOf(ManifestReader.TARGET_KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("capabilities"))).containsExactlyInAnyOrderElementsOf(ManifestReader.CAPABILITY_KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("cipher"))).containsExactlyInAnyOrderElementsOf(ManifestReader.CIPHER_KEYS);
        assertThat(Schemas.propertyNames(DEFS.get("model"))).containsExactlyInAnyOrderElementsOf(ManifestReader.MODEL_KEYS);
    }

    @Test
    void enumerationsUseTheReadersWords() {
        assertThat(Schemas.enumValues(DEFS.get("cipher").get("properties").get("cipher")))
                .containsExactlyInAnyOrderElementsOf(RigWords.CIPHER.spellings());
        assertThat(Schemas.enumValues(DEFS.get("capabilities").get("properties").get("integrities").get("items")))
                .containsExactlyInAnyOrderElementsOf(RigWords.INTEGRITY.spellings());
        assertThat(Schemas.enumValues(DEFS.get("model").get("properties").get("defects").get("items")))
                .containsExactlyInAnyOrderElementsOf(ManifestReader.DEFECT.spellings());
    }

    @Test
    void theRatePatternIsTheReaders() {
        String pattern = DEFS.get("cipher").at("/properties/rate/oneOf/1/pattern").asText();
        assertThat(pattern).isEqualTo("^" + ByteRates.RATE.pattern() + "$");
    }

    /** What the reader refuses for a reason the schema can express, the schema refuses too. */
    @Test
    void theSchemaRefusesWhatTheReaderRefuses() throws IOException {
        String head = ManifestReaderTest.GOOD_HEAD;
        List<String> bad = List.of(
                head + "capabilities: {engine: true, ciphers: [{cipher: aes-128-cbcc, rate: 1}]}\n",
                head + "capabilities: {engine: true, ciphers: [{cipher: aes-128-cbc}]}\n",
                head + "capabilities: {engine: true, ciphers: [{cipher: aes-128-cbc, rate: 125 Mb/s}]}\n",
                head + "capabilities: {engine: false, secondary-use: true}\n",
                head + "capabilities: {engine: false, integrities: [none]}\n",
                head + "capabilities: {engine: true}\nmodel: {defects: [IV_RESUE]}\n",
                head + "capabilities: {engine: true, integrity: [none]}\n",
                head.replace("rollback: 1\n", "") + "capabilities: {engine: true}\n",
                head.replace("0x01}", "0x01..0x100}") + "capabilities: {engine: true}\n");
        for (String yaml : bad) {
            Path f = Files.writeString(dir.resolve("bad.yaml"), yaml);
            assertThat(Schemas.complaints(SCHEMA_FILE, f)).as(yaml).isNotEmpty();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ManifestReader.load(f))).as(yaml).isNotNull();
        }
    }
}
