package org.nicrig.host.rig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.nicrig.host.config.ConfigException;
import org.nicrig.host.config.Origin;
import org.nicrig.protocol.message.KeyBytes;

/**
 * Where an SA's key comes from. A rig names keys by reference ({@code {file: keys/sa1.hex}} or
 * {@code {env: NICRIG_SA1_KEY}}); inline bytes are allowed only for published test keys and only
 * when marked {@code test-key: true}, so a real key is never committed by accident. Files and
 * variables hold hex text (whitespace and a leading {@code 0x} are ignored), like {@code ip xfrm}
 * keys. A reference is resolved when a run starts; its errors point back at the rig, and never
 * show key material (design invariant 5).
 */
public sealed interface KeyRef {

    /** The key bytes; {@code env} is the process environment (a map, so tests can pass their own). */
    KeyBytes resolve(Map<String, String> env) throws ConfigException;

    /** A file of hex text, resolved against the rig file's folder. */
    record FileKey(Path file, Origin origin) implements KeyRef {
        public FileKey {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public KeyBytes resolve(Map<String, String> env) throws ConfigException {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (NoSuchFileException e) {
                throw origin.error("cannot read key file " + file + ": no such file");
            } catch (IOException e) {
                throw origin.error("cannot read key file " + file + ": " + e.getClass().getSimpleName());
            }
            return parse(text, "key file " + file, origin);
        }
    }

    /** An environment variable holding hex text. */
    record EnvKey(String variable, Origin origin) implements KeyRef {
        public EnvKey {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public KeyBytes resolve(Map<String, String> env) throws ConfigException {
            String text = env.get(variable);
            if (text == null || text.isBlank()) {
                throw origin.error("environment variable " + variable + " is not set");
            }
            return parse(text, "environment variable " + variable, origin);
        }
    }

    /** A published test key written in the rig, marked {@code test-key: true}. */
    record TestKey(KeyBytes bytes) implements KeyRef {
        public TestKey {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public KeyBytes resolve(Map<String, String> env) {
            return bytes;
        }
    }

    /** Hex text to bytes; a failure says what is wrong with the text, never what it holds. */
    static KeyBytes parse(String text, String source, Origin origin) throws ConfigException {
        String hex = text.replaceAll("\\s", "");
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        String problem = hexProblem(hex);
        if (problem != null) {
            throw origin.error(source + ": " + problem);
        }
        return KeyBytes.fromHex(hex);
    }

    /** Null for a non-empty even-length hex string, else why not (without quoting it). */
    static String hexProblem(String hex) {
        if (hex.isEmpty()) {
            return "the key is empty";
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return "the key is not hex (character " + (i + 1) + " of " + hex.length() + " is not a hex digit)";
            }
        }
        return hex.length() % 2 == 0 ? null : "the key has an odd number of hex digits (" + hex.length() + ")";
    }
}
