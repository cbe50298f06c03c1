package org.nicrig.host.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each part was written, so that an error found
 * while binding it (long after parsing) still points at the right line and column. Built by
 * {@link YamlTree}; Jackson's own tree model drops locations (style.md §5).
 */
public sealed interface Node {

    Location location();

    /** What this node is, for "expected X, found Y" messages. */
    String kind();

    /** One {@code key: value} pair; the key's own location is where an unknown key is reported. */
    record Entry(String key, Location keyLocation, Node value) {
    }

    /** A mapping, in document order. */
    record MapNode(Location location, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(Location location, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar with its text as written (quotes removed) and how YAML resolved it: a quoted
     * {@code '0x10'} is a STRING, a plain {@code 0x10} an INTEGER.
     */
    record ScalarNode(Location location, String text, Type type) implements Node {
        public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "a string";
                case INTEGER, FLOAT -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "nothing";
            };
        }
    }
}
