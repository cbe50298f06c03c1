package org.nicrig.host.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.config.ConfigException;
import org.nicrig.host.plan.Validator;

/** Key material never appears in an error message or a model's toString (design invariant 5). */
class KeySecrecyTest {
    static final String SECRET = "5ec2e75ec2e75ec2e75ec2e75ec2e7zz"; // not hex at the end, so it is rejected
    static final Pattern HEX_VALUE = Pattern.compile("hex: \"([^\"]*)\"");

    @Test
    void noBrokenFileQuotesItsKeyMaterial() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "broken"))) {
            for (Path f : files.toList()) {
                List<String> keys = keysIn(Files.readString(f));
                for (ConfigException e : Validator.validate(List.of(f))) {
                    for (String key : keys) {
                        assertNoPieceOf(key, e.getMessage());
                    }
                }
            }
        }
    }

    @Test
    void aBadInlineKeyIsReportedWithoutItsDigits(@TempDir Path dir) throws IOException {
        Path rig = dir.resolve("rig.yaml");
        Files.writeString(rig, RigLoaderTest.minimalRig("""
                    encryption-key: {hex: "%s", test-key: true}
                    authentication-key: {hex: "%s"}
                """.formatted(SECRET, SECRET.substring(0, 30) + "ab")));
        assertThatThrownBy(() -> RigLoader.load(rig)).isInstanceOfSatisfying(ConfigErrors.class, e -> {
            assertThat(e.errors()).hasSize(2);
            assertNoPieceOf(SECRET, e.getMessage());
            assertThat(e.errors().get(0).problem()).isEqualTo("the key is not hex (character 31 of 32 is not a hex digit)");
        });
    }

    @Test
    void keyMaterialWrittenAsAKeyNameIsNotQuotedBack(@TempDir Path dir) throws IOException {
        Path rig = dir.resolve("rig.yaml");
        Files.writeString(rig, RigLoaderTest.minimalRig("""
                    encryption-key: {%s: 1}
                    authentication-key: {env: AUTH}
                """.formatted(SECRET)));
        assertThatThrownBy(() -> RigLoader.load(rig)).isInstanceOfSatisfying(ConfigErrors.class, e -> {
            assertNoPieceOf(SECRET, e.getMessage());
            assertThat(e.errors()).extracting(ConfigException::problem)
                    .contains("unknown key (expected one of file, env, hex, test-key)");
        });
    }

    @Test
    void aSyntaxErrorOnAKeyLineDoesNotQuoteTheLine(@TempDir Path dir) throws IOException {
        Path rig = dir.resolve("rig.yaml");
        Files.writeString(rig, RigLoaderTest.minimalRig("""
                    encryption-key: {hex: "%s
                """.formatted(SECRET)));
        assertThatThrownBy(() -> RigLoader.load(rig)).isInstanceOfSatisfying(ConfigErrors.class,
                e -> assertNoPieceOf(SECRET, e.getMessage()));
    }

    @Test
    void badKeysFromFilesAndTheEnvironmentAreNotQuoted(@TempDir Path dir) throws Exception {
        Path rig = dir.resolve("rig.yaml");
        Files.writeString(rig, RigLoaderTest.minimalRig("""
                    encryption-key: {file: enc.hex}
                    authentication-key: {env: AUTH}
                """));
        Files.writeString(dir.resolve("enc.hex"), SECRET);
        RigSa sa = RigLoader.load(rig).sa("s").orElseThrow();
        assertThatThrownBy(() -> sa.toParams(Map.of())).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problem()).endsWith("the key is not hex (character 31 of 32 is not a hex digit)");
            assertNoPieceOf(SECRET, e.getMessage());
        });
        Files.writeString(dir.resolve("enc.hex"), "06a9214036b8a15b512e03d534120006");
        assertThatThrownBy(() -> sa.toParams(Map.of("AUTH", SECRET))).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problem()).isEqualTo("environment variable AUTH: the key is not hex (character 31 of 32 is not a hex digit)");
            assertNoPieceOf(SECRET, e.getMessage());
        });
    }

    @Test
    void modelsDoNotPrintKeys() throws Exception {
        Rig rig = RigLoader.load(Path.of("..", "rigs", "emulated.yaml"));
        String printed = rig.toString() + rig.sa("aes-out").orElseThrow().toParams(Map.of());
        for (String key : keysIn(Files.readString(Path.of("..", "rigs", "emulated.yaml")))) {
            assertNoPieceOf(key, printed);
        }
        assertThat(printed).contains("redacted");
    }

    static List<String> keysIn(String yaml) {
        List<String> keys = new ArrayList<>();
        Matcher m = HEX_VALUE.matcher(yaml);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** No 8-character run of the key is in the text: not the key, nor a recognisable part of it. */
    static void assertNoPieceOf(String key, String text) {
        for (int i = 0; i + 8 <= key.length(); i++) {
            assertThat(text).as("message leaks key material").doesNotContainIgnoringCase(key.substring(i, i + 8));
        }
    }
}
