package org.nicrig.host.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nicrig.host.config.ConfigException;
import org.nicrig.host.config.Schemas;

/**
 * Every rig and plan shipped in the repository loads without a single error, passes its JSON
 * Schema, and names that schema for editors.
 */
class ShippedFilesTest {
    /** Surefire runs in the module folder; the shipped files are one level up. */
    static final Path ROOT = Path.of("..");
    static final List<String> PLANS = List.of("smoke", "aft-failover", "alb-balance", "fig4-return", "fig4-direct-mac",
            "fig5-receive", "secondary-use-distribution", "hot-swap", "failed-link-engine", "conformance");
    static final List<String> RIGS = List.of("emulated", "emulated-pty", "bench-example");

    static Stream<Path> rigs() throws IOException {
        return list(ROOT.resolve("rigs"));
    }

    static Stream<Path> plans() throws IOException {
        return list(ROOT.resolve("test-plans"));
    }

    static Stream<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void everyPlanAndRigTheBriefNamesIsShipped() throws IOException {
        assertThat(plans().map(ShippedFilesTest::baseName)).containsExactlyInAnyOrderElementsOf(PLANS);
        assertThat(rigs().map(ShippedFilesTest::baseName)).containsExactlyInAnyOrderElementsOf(RIGS);
    }

    @ParameterizedTest
    @MethodSource({"rigs", "plans"})
    void loadsWithoutErrors(Path file) {
        List<ConfigException> errors = Validator.validate(List.of(file));
        assertThat(errors).as("errors in %s", file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("rigs")
    void rigPassesTheRigSchema(Path file) {
        assertThat(Schemas.complaints("rig.schema.json", file)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("plans")
    void planPassesThePlanSchema(Path file) {
        assertThat(Schemas.complaints("plan.schema.json", file)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("plans")
    void planNamesItsSchemaAndItsRigForEditorsAndTheValidator(Path file) throws Exception {
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("# yaml-language-server: $schema=../schemas/plan.schema.json");
        assertThat(PlanLoader.load(file).rig()).contains(Path.of("..", "rigs", "emulated.yaml"));
    }

    @ParameterizedTest
    @MethodSource("rigs")
    void rigNamesItsSchemaForEditors(Path file) throws IOException {
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("# yaml-language-server: $schema=../schemas/rig.schema.json");
    }

    @ParameterizedTest
    @MethodSource("plans")
    void everyPlanChecksSomethingAndIsReproducible(Path file) throws Exception {
        Plan plan = PlanLoader.load(file);
        assertThat(plan.name()).isEqualTo(baseName(file));
        assertThat(plan.seed()).isPresent();
        assertThat(plan.allSteps()).anySatisfy(s -> assertThat(s).isInstanceOf(Step.Expect.class));
    }

    /**
     * The README's examples put together (header, steps, a parallel group, the expectations) make
     * a valid plan, so the documentation cannot drift from the loader.
     */
    @Test
    void theExamplesInTheReadmeMakeAValidPlan(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<String> blocks = yamlBlocks(Files.readString(ROOT.resolve("test-plans").resolve("README.md")));
        String rig = ROOT.resolve("rigs").resolve("emulated.yaml").toAbsolutePath().normalize().toString();
        String plan = blocks.get(0).replace("../rigs/emulated.yaml", rig).replace("steps: [...]", "steps:")
                + blocks.get(1) + blocks.get(2)
                + "- {type: hot-swap, name: old-card, add: {name: plain2, transport: \"emulated:82559-plain?mac=02:00:00:00:00:05&revision=3\"}}\n"
                + "- type: expect\n  name: readme-expectations\n  expectations:\n"
                + blocks.get(3).indent(4);
        Path file = dir.resolve("readme.yaml");
        Files.writeString(file, plan);
        assertThat(Validator.validate(List.of(file))).isEmpty();
        assertThat(Schemas.complaints("plan.schema.json", file)).isEmpty();
        assertThat(PlanLoader.load(file).allSteps()).hasSize(12);
    }

    static List<String> yamlBlocks(String markdown) {
        List<String> blocks = new java.util.ArrayList<>();
        for (int i = markdown.indexOf("```yaml\n"); i >= 0; i = markdown.indexOf("```yaml\n", i)) {
            int start = i + "```yaml\n".length();
            int end = markdown.indexOf("```", start);
            blocks.add(markdown.substring(start, end));
            i = end + 3;
        }
        return blocks;
    }

    static String baseName(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - ".yaml".length());
    }
}
