package org.nicrig.host.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nicrig.host.config.DidYouMean;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Scalars;
import org.nicrig.host.rig.TransportCheck;

/**
 * Reads steps: the {@code type:} key chooses the kind and so the keys allowed; {@code name} and
 * {@code timeout} are common to all. Traffic-like steps are read by {@link TrafficReader}, faults
 * by {@link FaultReader}.
 */
final class StepReader {
    static final List<String> COMMON = List.of("type", "name", "timeout");
    /** Per step type, every key it takes (the common ones first); schemas/plan.schema.json lists the same. */
    static final Map<String, List<String>> KEYS = keysByType();
    static final List<String> ADD_KEYS = List.of("name", "transport");

    private StepReader() {
    }

    /**
     * @param enclosing     the plan's or the parallel group's timeout
     * @param enclosingName for messages: {@code the plan's} or {@code group 'x''s}
     */
    static List<Step> readAll(Node.ListNode list, String path, PlanContext ctx, Duration enclosing, String enclosingName) {
        int mark = ctx.problems.mark();
        if (list.items().isEmpty()) {
            ctx.problems.error(list.location(), path, "expected at least one step");
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Step s = read(list.items().get(i), path + "[" + i + "]", ctx, enclosing, enclosingName);
            if (s != null) {
                out.add(s);
            }
        }
        return ctx.problems.cleanSince(mark) ? out : null;
    }

    private static Step read(Node n, String path, PlanContext ctx, Duration enclosing, String enclosingName) {
        if (!(n instanceof Node.MapNode map)) {
            return Scalars.wrongType(n, path, ctx.problems, "a step (a mapping with type: and name:)");
        }
        Node.Entry typeEntry = map.entries().get("type");
        if (typeEntry == null) {
            ctx.problems.error(map.location(), path, "missing required key 'type' (one of " + String.join(", ", KEYS.keySet()) + ")");
            return null;
        }
        String type = Scalars.string(typeEntry.value(), path + ".type", ctx.problems);
        if (type == null) {
            return null;
        }
        if (!KEYS.containsKey(type)) {
            ctx.problems.error(typeEntry.value().location(), path + ".type",
                    "unknown step type '" + type + "'" + DidYouMean.hint(type, KEYS.keySet()));
            return null;
        }
        int mark = ctx.problems.mark();
        MapReader m = MapReader.of(n, path, ctx.problems, KEYS.get(type));
        String name = m.name("name", true);
        Duration timeout = timeout(m, enclosing, enclosingName);
        Trigger trigger = KEYS.get(type).contains("at") ? trigger(m, ctx, name, enclosing, enclosingName) : null;
        Step s = switch (type) {
            case "traffic" -> TrafficReader.traffic(m, ctx, name, timeout);
            case "secondary" -> TrafficReader.secondary(m, ctx, name, timeout);
            case "probe" -> TrafficReader.probe(m, ctx, name, timeout);
            case "fault" -> FaultReader.fault(m, ctx, name, timeout, trigger);
            case "hot-swap" -> hotSwap(m, ctx, name, timeout, trigger);
            case "wait" -> waitStep(m, name, timeout);
            case "expect" -> expect(m, ctx, name, timeout);
            case "parallel" -> parallel(m, ctx, name, timeout);
            default -> throw new IllegalStateException("step type without a reader: " + type);
        };
        return ctx.problems.cleanSince(mark) ? s : null;
    }

    /** The step's own timeout, which must fit in the enclosing one, or the enclosing one. */
    private static Duration timeout(MapReader m, Duration enclosing, String enclosingName) {
        if (!m.has("timeout")) {
            return enclosing;
        }
        Duration t = m.duration("timeout", true, true);
        if (t != null && enclosing != null && t.compareTo(enclosing) > 0) {
            m.error("timeout", "timeout " + Scalars.format(t) + " is longer than " + enclosingName + " "
                    + Scalars.format(enclosing));
            return null;
        }
        return t;
    }

    /**
     * {@code at:} (since the enclosing group's or the plan's start, before its timeout) or
     * {@code after:} (a step's end); with neither, the step fires when reached.
     */
    private static Trigger trigger(MapReader m, PlanContext ctx, String self, Duration enclosing, String enclosingName) {
        if (m.has("at") && m.has("after")) {
            m.error("give at or after, not both");
            return null;
        }
        if (m.has("after")) {
            String target = ctx.after(m, self);
            return target == null ? null : new Trigger.After(target);
        }
        if (!m.has("at")) {
            return new Trigger.WhenReached();
        }
        Duration at = m.duration("at", true, false);
        if (at != null && enclosing != null && at.compareTo(enclosing) >= 0) {
            m.error("at", "at " + Scalars.format(at) + " is not before " + enclosingName + " " + Scalars.format(enclosing));
            return null;
        }
        return at == null ? null : new Trigger.At(at);
    }

    private static Step hotSwap(MapReader m, PlanContext ctx, String name, Duration timeout, Trigger trigger) {
        if (!m.has("remove") && !m.has("add")) {
            m.error("a hot-swap needs remove, add or both");
            return null;
        }
        String remove = m.has("remove") ? ctx.member(m, "remove", true) : null;
        NewMember add = null;
        if (m.has("add")) {
            MapReader a = MapReader.of(m.get("add"), m.pathOf("add"), ctx.problems, ADD_KEYS);
            if (a != null) {
                String added = a.name("name", true);
                if (added != null && ctx.rig != null && ctx.rig.device(added).isPresent()) {
                    a.error("name", "'" + added + "' is already a device of rig " + ctx.rig.name()
                            + ": a hot-swap adds a device under a new name");
                }
                String transport = a.string("transport", true);
                String problem = transport == null ? null : TransportCheck.problem(transport);
                if (problem != null) {
                    a.error("transport", problem);
                }
                add = added == null || transport == null ? null : new NewMember(added, transport);
            }
        }
        if (name == null || timeout == null || trigger == null) {
            return null;
        }
        return new Step.HotSwap(name, timeout, trigger, Optional.ofNullable(remove), Optional.ofNullable(add));
    }

    private static Step waitStep(MapReader m, String name, Duration timeout) {
        Duration d = m.duration("duration", true, true);
        if (d != null && timeout != null && d.compareTo(timeout) >= 0) {
            m.error("duration", "a wait of " + Scalars.format(d) + " does not fit in its timeout " + Scalars.format(timeout));
            return null;
        }
        return name == null || d == null || timeout == null ? null : new Step.Wait(name, timeout, d);
    }

    private static Step expect(MapReader m, PlanContext ctx, String name, Duration timeout) {
        Node.ListNode list = m.list("expectations", true);
        List<Expectation> e = list == null ? null : ExpectationReader.read(list, m.pathOf("expectations"), ctx, name);
        return name == null || e == null || timeout == null ? null : new Step.Expect(name, timeout, e);
    }

    private static Step parallel(MapReader m, PlanContext ctx, String name, Duration timeout) {
        Node.ListNode list = m.list("steps", true);
        if (list == null) {
            return null;
        }
        // read the group's steps even when its timeout is wrong, so their own errors show too
        List<Step> steps = readAll(list, m.pathOf("steps"), ctx, timeout, "group '" + name + "''s timeout");
        return name == null || timeout == null || steps == null ? null : new Step.Parallel(name, timeout, steps);
    }

    private static Map<String, List<String>> keysByType() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("traffic", with("flows", "sizes", "count", "rate", "duration", "direction", "sa", "member"));
        k.put("secondary", with("jobs", "sizes", "sa", "rate"));
        k.put("fault", with("fault", "member", "at", "after", "duration", "rate"));
        k.put("hot-swap", with("remove", "add", "at", "after"));
        k.put("wait", with("duration"));
        k.put("expect", with("expectations"));
        k.put("parallel", with("steps"));
        k.put("probe", with("probe", "sa", "count", "member"));
        return java.util.Collections.unmodifiableMap(k);
    }

    private static List<String> with(String... keys) {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(List.of(keys));
        return List.copyOf(all);
    }
}
