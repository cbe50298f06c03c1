package org.nicrig.host.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.YamlTree;

/** The body of {@code nicrig validate}: one line per error, exit code 2, never a stack trace. */
class ValidatorTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Validator.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void validFilesExitZero() {
        assertThat(run("../rigs/emulated.yaml", "../test-plans/smoke.yaml")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2 files valid\n");
        assertThat(err.size()).isZero();
    }

    @Test
    void errorsArePrintedOnePerLineAndExitTwo() {
        String fault = "src/test/resources/broken/misspelt-fault.yaml";
        String stall = "src/test/resources/broken/stall-without-duration.yaml";
        assertThat(run("../test-plans/smoke.yaml", stall, fault, "missing.yaml")).isEqualTo(Validator.EXIT_INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "missing.yaml: cannot read the file: no such file",
                fault + ":14:12: steps[1].fault: unknown fault 'LINK_DWN' (did you mean LINK_DOWN?)",
                stall + ":6:5: steps[0]: missing required key 'duration' (how long STALL lasts)",
                stall + ":14:15: steps[1].duration: duration applies to STALL only");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("4 errors in 3 of 4 files\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void noFilesIsAUsageError() {
        assertThat(run()).isEqualTo(Validator.EXIT_INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: nicrig validate FILE...");
    }

    @Test
    void aPlansRigErrorsAreReportedOnceWhenBothAreValidated(@TempDir Path dir) throws IOException {
        Path rig = dir.resolve("r.yaml");
        Files.writeString(rig, "name: r\ndevices: []\n");
        Path plan = dir.resolve("p.yaml");
        Files.writeString(plan, "name: p\nrig: r.yaml\ntimeout: 1m\nsteps: [{type: wait, name: w, duration: 1s}]\n");
        assertThat(Validator.validate(List.of(rig, plan))).extracting(Throwable::getMessage).containsExactly(
                rig + ":1:1: missing required key 'wire'",
                rig + ":1:1: missing required key 'peer'",
                rig + ":1:1: missing required key 'allow'",
                rig + ":2:10: devices: a rig needs at least one device");
    }

    @Test
    void kindIsToldByContentThenSchemaCommentThenFolder(@TempDir Path dir) throws IOException {
        assertThat(kind(dir, "x.yaml", "steps: []\n")).isEqualTo(Validator.Kind.PLAN);
        assertThat(kind(dir, "x.yaml", "devices: []\n")).isEqualTo(Validator.Kind.RIG);
        assertThat(kind(dir, "x.yaml", "# yaml-language-server: $schema=../schemas/rig.schema.json\nname: r\n"))
                .isEqualTo(Validator.Kind.RIG);
        assertThat(kind(dir, "x.yaml", "# yaml-language-server: $schema=../schemas/plan.schema.json\nname: p\n"))
                .isEqualTo(Validator.Kind.PLAN);
        Files.createDirectories(dir.resolve("test-plans"));
        assertThat(kind(dir, "test-plans/x.yaml", "name: p\n")).isEqualTo(Validator.Kind.PLAN);
        Files.createDirectories(dir.resolve("rigs"));
        assertThat(kind(dir, "rigs/x.yaml", "name: r\n")).isEqualTo(Validator.Kind.RIG);
        assertThat(kind(dir, "x.yaml", "target: {}\ncapabilities: {}\n")).isEqualTo(Validator.Kind.MANIFEST);
        assertThat(kind(dir, "x.yaml", "# yaml-language-server: $schema=../schemas/firmware-manifest.schema.json\nversion: 1.0.0\n"))
                .isEqualTo(Validator.Kind.MANIFEST);
        assertThat(kind(dir, "x.yaml", "name: what\n")).isNull();
        Files.writeString(dir.resolve("y.yaml"), "name: what\n");
        assertThat(Validator.validate(List.of(dir.resolve("y.yaml")))).extracting(Throwable::getMessage).containsExactly(
                dir.resolve("y.yaml") + ":1:1: cannot tell whether this is a rig (it would have devices:), a plan (steps:) "
                        + "or a firmware manifest (target: and capabilities:)");
    }

    private static Validator.Kind kind(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return Validator.kind(YamlTree.parse(text, new Problems(name)), f);
    }
}
