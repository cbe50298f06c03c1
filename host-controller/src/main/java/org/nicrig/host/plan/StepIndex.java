package org.nicrig.host.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nicrig.host.config.Location;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;

/**
 * A first pass over a plan's steps before they are read: every step's name and place, the
 * members hot-swap steps add, and the faults' {@code after:} links. With it the second pass can
 * check a reference to a step or member that is written further down. Reports duplicate step
 * names and {@code after:} cycles.
 */
final class StepIndex {

    /**
     * @param position indices from the top: [3] is the fourth step, [3, 1] the second step of the
     *                 parallel group that is the fourth step
     */
    record Place(List<Integer> position, Location location, String type) {
        int top() {
            return position.get(0);
        }

        boolean isInside(Place group) {
            return position.size() > group.position.size()
                    && position.subList(0, group.position.size()).equals(group.position);
        }
    }

    private record AfterLink(String target, Location location, String path) {
    }

    private final Map<String, Place> steps = new LinkedHashMap<>();
    private final Map<String, AfterLink> after = new LinkedHashMap<>();
    private final Set<String> added = new HashSet<>();

    static StepIndex of(Node.ListNode steps, String path, Problems p) {
        StepIndex index = new StepIndex();
        index.walk(steps, path, List.of(), p);
        index.reportCycles(p);
        return index;
    }

    Place place(String name) {
        return steps.get(name);
    }

    List<String> names() {
        return new ArrayList<>(steps.keySet());
    }

    /** Names of members that some hot-swap step adds. */
    Set<String> addedMembers() {
        return added;
    }

    private void walk(Node.ListNode list, String path, List<Integer> parent, Problems p) {
        for (int i = 0; i < list.items().size(); i++) {
            if (!(list.items().get(i) instanceof Node.MapNode m)) {
                continue; // reported by the step reader
            }
            List<Integer> position = new ArrayList<>(parent);
            position.add(i);
            String at = path + "[" + i + "]";
            String type = text(m, "type");
            Node.Entry name = m.entries().get("name");
            if (name != null && name.value() instanceof Node.ScalarNode s && s.type() == Node.ScalarNode.Type.STRING) {
                Place earlier = steps.get(s.text());
                if (earlier != null) {
                    p.error(s.location(), at + ".name", "duplicate step name '" + s.text() + "' (first at line "
                            + earlier.location().line() + ")");
                } else {
                    steps.put(s.text(), new Place(List.copyOf(position), s.location(), type));
                    Node.Entry a = m.entries().get("after");
                    if (a != null && a.value() instanceof Node.ScalarNode t && t.type() == Node.ScalarNode.Type.STRING) {
                        after.put(s.text(), new AfterLink(t.text(), t.location(), at + ".after"));
                    }
                }
            }
            if ("hot-swap".equals(type) && m.entries().get("add") != null
                    && m.entries().get("add").value() instanceof Node.MapNode add) {
                String n = text(add, "name");
                if (n != null) {
                    added.add(n);
                }
            }
            if ("parallel".equals(type) && m.entries().get("steps") != null
                    && m.entries().get("steps").value() instanceof Node.ListNode inner) {
                walk(inner, at + ".steps", position, p);
            }
        }
    }

    /** Faults waiting on each other in a ring would wait forever. */
    private void reportCycles(Problems p) {
        Set<String> reported = new HashSet<>();
        for (String start : after.keySet()) {
            if (start.equals(after.get(start).target())) {
                continue; // waiting for itself: reported where after: is read
            }
            List<String> chain = new ArrayList<>(List.of(start));
            String next = after.get(start).target();
            while (next != null && after.containsKey(next) && !chain.contains(next)) {
                chain.add(next);
                next = after.get(next).target();
            }
            if (start.equals(next) && reported.add(start)) {
                chain.forEach(reported::add);
                AfterLink link = after.get(start);
                p.error(link.location(), link.path(), "steps wait for each other in a ring: "
                        + String.join(" -> ", chain) + " -> " + start);
            }
        }
    }

    private static String text(Node.MapNode m, String key) {
        Node.Entry e = m.entries().get(key);
        return e != null && e.value() instanceof Node.ScalarNode s && s.type() == Node.ScalarNode.Type.STRING ? s.text() : null;
    }
}
