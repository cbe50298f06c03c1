package org.nicrig.host.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a {@link Node} tree with Jackson's streaming YAML parser, taking
 * each token's line and column as it goes. Syntax errors, duplicate keys and unreadable files are
 * reported to {@link Problems}, never thrown; a syntax error's message is taken from the parser's
 * problem text only, not from its excerpt of the offending line, which could be key material.
 */
public final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlTree() {
    }

    /** The document's root, or null when the file could not be read or parsed (then reported). */
    public static Node read(Path file, Problems problems) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            problems.error(Location.NONE, "", "cannot read the file: no such file");
            return null;
        } catch (CharacterCodingException e) {
            problems.error(Location.NONE, "", "cannot read the file: not UTF-8 text");
            return null;
        } catch (IOException e) {
            problems.error(Location.NONE, "", "cannot read the file: " + e.getClass().getSimpleName());
            return null;
        }
        return parse(text, problems);
    }

    /** Parses {@code text} as the content of {@code problems.file()}. */
    public static Node parse(String text, Problems problems) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.error(Location.START, "", "the file is empty");
                return null;
            }
            Node root = value(p, first, problems);
            if (p.nextToken() != null) {
                problems.error(at(p.currentTokenLocation()), "", "only one YAML document per file ('---' starts another)");
            }
            return root;
        } catch (JsonProcessingException e) {
            syntaxError(e, problems);
            return null;
        } catch (IOException e) {
            problems.error(Location.START, "", "cannot parse: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private static Node value(JsonParser p, JsonToken t, Problems problems) throws IOException {
        Location where = at(p.currentTokenLocation());
        return switch (t) {
            case START_OBJECT -> mapping(p, where, problems);
            case START_ARRAY -> sequence(p, where, problems);
            case VALUE_STRING -> scalar(where, p.getText(), Node.ScalarNode.Type.STRING);
            case VALUE_NUMBER_INT -> scalar(where, p.getText(), Node.ScalarNode.Type.INTEGER);
            case VALUE_NUMBER_FLOAT -> scalar(where, p.getText(), Node.ScalarNode.Type.FLOAT);
            case VALUE_TRUE, VALUE_FALSE -> scalar(where, t == JsonToken.VALUE_TRUE ? "true" : "false",
                    Node.ScalarNode.Type.BOOLEAN);
            case VALUE_NULL -> scalar(where, "", Node.ScalarNode.Type.NULL);
            default -> scalar(where, p.getText(), Node.ScalarNode.Type.STRING);
        };
    }

    private static Node scalar(Location where, String text, Node.ScalarNode.Type type) {
        return new Node.ScalarNode(where, text, type);
    }

    private static Node mapping(JsonParser p, Location where, Problems problems) throws IOException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            Location keyAt = at(p.currentTokenLocation());
            Node v = value(p, p.nextToken(), problems);
            Node.Entry earlier = entries.get(key);
            if (earlier != null) {
                problems.error(keyAt, "", "duplicate key '" + key + "' (first at line " + earlier.keyLocation().line() + ")");
            } else {
                entries.put(key, new Node.Entry(key, keyAt, v));
            }
        }
        return new Node.MapNode(where, entries);
    }

    private static Node sequence(JsonParser p, Location where, Problems problems) throws IOException {
        List<Node> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            items.add(value(p, t, problems));
        }
        return new Node.ListNode(where, items);
    }

    private static Location at(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? Location.START : new Location(l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    private static void syntaxError(JsonProcessingException e, Problems problems) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                // An unclosed quote or bracket is only found at the end of the file: point at
                // where it was opened instead, which is where the mistake is.
                Mark opened = m.getContextMark();
                boolean atEnd = String.valueOf(m.getProblem()).contains("end of stream");
                Mark where = atEnd && opened != null ? opened : m.getProblemMark();
                String context = m.getContext() == null ? ""
                        : " (" + m.getContext() + (opened != null && where != opened ? " from line " + (opened.getLine() + 1) : "") + ")";
                problems.error(new Location(where.getLine() + 1, where.getColumn() + 1), "",
                        "not valid YAML: " + m.getProblem() + context);
                return;
            }
        }
        // Jackson's own message may quote the text; say only where.
        problems.error(at(e.getLocation()), "", "not valid YAML");
    }
}
