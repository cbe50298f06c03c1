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
 * Each file in src/test/resources/broken/ is wrong in a known way. Its {@code # expect:} lines
 * give every error the loader must report, in full and in order; its {@code # schema:} line says
 * whether the JSON Schema rejects it too, or why it cannot (a cross-file or cross-field rule).
 */
class BrokenFilesTest {
    static final Path DIR = Path.of("src", "test", "resources", "broken");

    static Stream<Path> brokenFiles() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreEnoughBrokenFilesAndEachSaysWhatItExpects() throws IOException {
        List<Path> files = brokenFiles().toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        for (Path f : files) {
            assertThat(expected(f)).as("expect lines in %s", f).isNotEmpty();
            assertThat(schemaVerdict(f)).as("schema line in %s", f).matches("rejects|accepts \\(.+\\)");
        }
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void loaderReportsExactlyTheExpectedErrors(Path file) throws IOException {
        List<String> actual = Validator.validate(List.of(file)).stream().map(ConfigException::getMessage).toList();
        assertThat(actual).containsExactlyElementsOf(expected(file));
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void errorsAreTypedAndLocated(Path file) throws IOException {
        List<ConfigException> errors = Validator.validate(List.of(file));
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.getStackTrace()).isEmpty(); // a user's error, not a crash
        });
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void schemaAgreesWhereJsonSchemaCanSeeTheMistake(Path file) throws IOException {
        String schema = file.getFileName().toString().startsWith("rig-") ? "rig.schema.json" : "plan.schema.json";
        List<String> complaints = Schemas.complaints(schema, file);
        if (schemaVerdict(file).equals("rejects")) {
            assertThat(complaints).as("schema complaints about %s", file).isNotEmpty();
        } else {
            assertThat(complaints).as("%s is declared beyond the schema; if the schema now catches it, "
                    + "say 'rejects'", file).isEmpty();
        }
    }

    /** The full messages the file's {@code # expect: LINE:COL: ...} lines give, prefixed with the file. */
    static List<String> expected(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("# expect: "))
                .map(l -> file + ":" + l.substring("# expect: ".length()))
                .toList();
    }

    static String schemaVerdict(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("# schema: "))
                .map(l -> l.substring("# schema: ".length()))
                .findFirst().orElse("");
    }
}
