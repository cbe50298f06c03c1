package org.nicrig.host.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.nicrig.host.config.Node.ListNode;
import org.nicrig.host.config.Node.MapNode;

/**
 * Reads one mapping of a rig or plan: rejects keys it does not know (with a suggestion), reports
 * missing required keys at the mapping, and reads each value with {@link Scalars} under the
 * value's own path ({@code steps[2].fault}). Every getter returns null when the key is absent or
 * its value was wrong (and then reported), so a caller reads everything, then builds only if
 * {@link Problems#cleanSince} says nothing under it was wrong.
 */
public final class MapReader {
    private final MapNode map;
    private final String path;
    private final Problems problems;

    private MapReader(MapNode map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** A reader for {@code node}, or null (reported) when it is not a mapping. */
    public static MapReader of(Node node, String path, Problems problems, List<String> keys) {
        return open(node, path, problems, keys, false);
    }

    /**
     * As {@link #of}, for a mapping that may hold secrets: an unknown key is not quoted back,
     * in case what was written as a key is the key material itself.
     */
    public static MapReader secret(Node node, String path, Problems problems, List<String> keys) {
        return open(node, path, problems, keys, true);
    }

    private static MapReader open(Node node, String path, Problems problems, List<String> keys, boolean secret) {
        if (!(node instanceof MapNode m)) {
            return Scalars.wrongType(node, path, problems, "a mapping");
        }
        for (Node.Entry e : m.entries().values()) {
            if (!keys.contains(e.key())) {
                String near = DidYouMean.nearest(e.key(), keys);
                String hint = near != null ? " (did you mean " + near + "?)" : " (expected one of " + String.join(", ", keys) + ")";
                problems.error(e.keyLocation(), path, (secret ? "unknown key" : "unknown key '" + e.key() + "'") + hint);
            }
        }
        return new MapReader(m, path, problems);
    }

    public String path() {
        return path;
    }

    public Location location() {
        return map.location();
    }

    public Problems problems() {
        return problems;
    }

    public Map<String, Node.Entry> entries() {
        return map.entries();
    }

    /** The path of a key's value: {@code steps[2]} + {@code fault} = {@code steps[2].fault}. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return map.entries().containsKey(key);
    }

    /** The value node, or null when absent. */
    public Node get(String key) {
        Node.Entry e = map.entries().get(key);
        return e == null ? null : e.value();
    }

    /** Where the key's value is, or where the mapping is when the key is absent. */
    public Location at(String key) {
        Node n = get(key);
        return n == null ? map.location() : n.location();
    }

    /** Reports a missing key; true when present. */
    public boolean require(String key) {
        if (has(key)) {
            return true;
        }
        problems.error(map.location(), path, "missing required key '" + key + "'");
        return false;
    }

    /** Reports a problem with the value of {@code key}, at the value. */
    public void error(String key, String problem) {
        problems.error(at(key), pathOf(key), problem);
    }

    /** Reports a problem with this mapping as a whole. */
    public void error(String problem) {
        problems.error(map.location(), path, problem);
    }

    public String string(String key, boolean required) {
        return present(key, required) ? Scalars.string(get(key), pathOf(key), problems) : null;
    }

    public String name(String key, boolean required) {
        return present(key, required) ? Scalars.name(get(key), pathOf(key), problems) : null;
    }

    public Long integer(String key, long min, long max, boolean required) {
        return present(key, required) ? Scalars.integer(get(key), pathOf(key), problems, min, max) : null;
    }

    public Long integerOrHex(String key, long min, long max, boolean required) {
        return present(key, required) ? Scalars.integerOrHex(get(key), pathOf(key), problems, min, max) : null;
    }

    public Double number(String key, boolean required) {
        return present(key, required) ? Scalars.number(get(key), pathOf(key), problems) : null;
    }

    public Boolean bool(String key, boolean required) {
        return present(key, required) ? Scalars.bool(get(key), pathOf(key), problems) : null;
    }

    public Duration duration(String key, boolean required, boolean positive) {
        return present(key, required) ? Scalars.duration(get(key), pathOf(key), problems, positive) : null;
    }

    public <E> E choice(String key, Choice<E> choice, boolean required) {
        return present(key, required) ? Scalars.choice(get(key), pathOf(key), problems, choice) : null;
    }

    /** The list under {@code key}; null when absent or not a list (reported). */
    public ListNode list(String key, boolean required) {
        if (!present(key, required)) {
            return null;
        }
        return get(key) instanceof ListNode l ? l : Scalars.wrongType(get(key), pathOf(key), problems, "a list");
    }

    private boolean present(String key, boolean required) {
        return required ? require(key) : has(key);
    }
}
