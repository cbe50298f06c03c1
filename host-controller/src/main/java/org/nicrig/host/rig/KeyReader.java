package org.nicrig.host.rig;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Origin;
import org.nicrig.host.config.Problems;
import org.nicrig.protocol.message.KeyBytes;

/**
 * Reads an SA key block: {@code {file: PATH}}, {@code {env: VAR}} or
 * {@code {hex: "...", test-key: true}}. No message written here quotes what is under the block.
 */
final class KeyReader {
    static final List<String> KEYS = List.of("file", "env", "hex", "test-key");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private KeyReader() {
    }

    /**
     * @param length    bytes the algorithm needs, or -1 when unknown (its own error was reported)
     * @param algorithm the algorithm's name, for the length message
     */
    static KeyRef read(Node n, String path, Problems p, Path baseDir, int length, String algorithm) {
        MapReader m = MapReader.secret(n, path, p, KEYS);
        if (m == null) {
            return null;
        }
        int given = (m.has("file") ? 1 : 0) + (m.has("env") ? 1 : 0) + (m.has("hex") ? 1 : 0);
        if (given != 1) {
            m.error("give exactly one of file, env or hex");
            return null;
        }
        Boolean testKey = m.bool("test-key", false);
        Origin origin = new Origin(p.file(), m.location(), path);
        if (m.has("file") || m.has("env")) {
            if (m.has("test-key")) {
                m.error("test-key", "test-key applies only to inline hex keys");
                return null;
            }
            return m.has("file") ? file(m, p, baseDir, origin) : env(m, origin);
        }
        return inline(m, testKey, length, algorithm);
    }

    private static KeyRef file(MapReader m, Problems p, Path baseDir, Origin origin) {
        String f = m.string("file", true);
        return f == null ? null : new KeyRef.FileKey(baseDir.resolve(f).normalize(), origin);
    }

    private static KeyRef env(MapReader m, Origin origin) {
        String v = m.string("env", true);
        if (v != null && !ENV_NAME.matcher(v).matches()) {
            m.error("env", "'" + v + "' is not an environment variable name");
            return null;
        }
        return v == null ? null : new KeyRef.EnvKey(v, origin);
    }

    private static KeyRef inline(MapReader m, Boolean testKey, int length, String algorithm) {
        Node hexNode = m.get("hex");
        if (!(hexNode instanceof Node.ScalarNode s) || s.type() != Node.ScalarNode.Type.STRING) {
            // not Scalars.string: its message is fine, but keep every key message in this class
            m.error("hex", "expected the key as a quoted string of hex digits, found " + hexNode.kind());
            return null;
        }
        if (!Boolean.TRUE.equals(testKey)) {
            m.error("hex", "inline key material is allowed only for published test keys marked test-key: true; "
                    + "take a real key from {file: PATH} or {env: VAR}");
            return null;
        }
        String problem = KeyRef.hexProblem(s.text());
        if (problem != null) {
            m.error("hex", problem);
            return null;
        }
        KeyBytes key = KeyBytes.fromHex(s.text());
        if (length >= 0 && key.length() != length) {
            m.error("hex", algorithm + " needs a key of " + length + " bytes, this one has " + key.length());
            return null;
        }
        return new KeyRef.TestKey(key);
    }
}
