package org.nicrig.host.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Scalars;

/**
 * Reads an expect step's {@code expectations:}. Which kind an entry is follows from its first key:
 * {@code measure}, {@code counter} or {@code member-refused}.
 */
final class ExpectationReader {
    static final List<String> MEASURE_KEYS = keys("measure", "unit", "member", "step");
    static final List<String> COUNTER_KEYS = keys("counter", "unit", "member", "step");
    static final List<String> REFUSED_KEYS = List.of("member-refused", "reason-contains");
    private static final Pattern COUNTER = Pattern.compile("[a-z][a-z0-9_.]{0,63}");

    private ExpectationReader() {
    }

    static List<Expectation> read(Node.ListNode list, String path, PlanContext ctx, String self) {
        int mark = ctx.problems.mark();
        if (list.items().isEmpty()) {
            ctx.problems.error(list.location(), path, "an expect step needs at least one expectation");
        }
        List<Expectation> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Expectation e = one(list.items().get(i), path + "[" + i + "]", ctx, self);
            if (e != null) {
                out.add(e);
            }
        }
        return ctx.problems.cleanSince(mark) ? out : null;
    }

    private static Expectation one(Node n, String path, PlanContext ctx, String self) {
        if (!(n instanceof Node.MapNode map)) {
            return Scalars.wrongType(n, path, ctx.problems, "a mapping");
        }
        List<String> kinds = Stream.of("measure", "counter", "member-refused")
                .filter(map.entries()::containsKey).toList();
        if (kinds.size() != 1) {
            ctx.problems.error(map.location(), path, "an expectation needs exactly one of measure, counter or member-refused"
                    + (kinds.isEmpty() ? "" : ", found " + String.join(" and ", kinds)));
            return null;
        }
        int mark = ctx.problems.mark();
        return switch (kinds.get(0)) {
            case "measure" -> measured(MapReader.of(n, path, ctx.problems, MEASURE_KEYS), ctx, self, mark);
            case "counter" -> counted(MapReader.of(n, path, ctx.problems, COUNTER_KEYS), ctx, self, mark);
            default -> refused(MapReader.of(n, path, ctx.problems, REFUSED_KEYS), ctx, mark);
        };
    }

    private static Expectation measured(MapReader m, PlanContext ctx, String self, int mark) {
        Measure measure = m.choice("measure", PlanWords.MEASURE, true);
        if (measure == null) {
            return null;
        }
        unit(m, measure.unit(), measure.key());
        String member = switch (measure.scope()) {
            case TEAM -> {
                if (m.has("member")) {
                    m.error("member", measure.key() + " is measured for the whole team: member does not apply");
                }
                yield null;
            }
            case MEMBER_REQUIRED -> m.has("member") ? ctx.member(m, "member", true) : missingMember(m, measure);
            case MEMBER_OPTIONAL -> ctx.member(m, "member", false);
        };
        String step = m.has("step") ? ctx.earlierStep(m, "step", self) : null;
        Limit limit = LimitReader.read(m, measure.unit(), measure.key());
        if (!ctx.problems.cleanSince(mark)) {
            return null;
        }
        return new Expectation.Measured(measure, Optional.ofNullable(member), Optional.ofNullable(step), limit);
    }

    private static String missingMember(MapReader m, Measure measure) {
        m.error(measure.key() + " is measured per member: give member");
        return null;
    }

    private static Expectation counted(MapReader m, PlanContext ctx, String self, int mark) {
        String counter = m.string("counter", true);
        if (counter != null && !COUNTER.matcher(counter).matches()) {
            m.error("counter", "'" + counter + "' is not a counter name (lower case, digits, '_' and '.')");
        }
        unit(m, Unit.COUNT, "a counter");
        String member = ctx.member(m, "member", false);
        String step = m.has("step") ? ctx.earlierStep(m, "step", self) : null;
        Limit limit = LimitReader.read(m, Unit.COUNT, "a counter");
        if (!ctx.problems.cleanSince(mark)) {
            return null;
        }
        return new Expectation.Counted(counter, Optional.ofNullable(member), Optional.ofNullable(step), limit);
    }

    private static Expectation refused(MapReader m, PlanContext ctx, int mark) {
        String member = ctx.member(m, "member-refused", true);
        String reason = m.string("reason-contains", false);
        if (!ctx.problems.cleanSince(mark)) {
            return null;
        }
        return new Expectation.MemberRefused(member, Optional.ofNullable(reason));
    }

    /** An optional {@code unit:} must be the measurement's own: limits are never converted. */
    private static void unit(MapReader m, Unit expected, String what) {
        Unit u = m.choice("unit", PlanWords.UNIT, false);
        if (u != null && u != expected) {
            m.error("unit", what + " is measured in " + expected.symbol() + ", not " + u.symbol());
        }
    }

    private static List<String> keys(String first, String... more) {
        List<String> k = new ArrayList<>(List.of(first));
        k.addAll(List.of(more));
        k.addAll(LimitReader.KEYS);
        return List.copyOf(k);
    }
}
