package org.nicrig.host.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nicrig.host.config.ConfigException;

/** Every rig and plan shipped in the repository loads and validates without a single error. */
class ShippedFilesTest {
    /** Surefire runs in the module folder; the shipped files are one level up. */
    static final Path ROOT = Path.of("..");

    static Stream<Path> shippedFiles() throws IOException {
        return Stream.concat(list(ROOT.resolve("rigs")), list(ROOT.resolve("test-plans")));
    }

    static Stream<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void validates(Path file) {
        List<ConfigException> errors = Validator.validate(List.of(file));
        assertThat(errors).as("errors in %s", file).isEmpty();
    }
}
