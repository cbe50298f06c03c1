package org.nicrig.host.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Scalars;
import org.nicrig.protocol.message.Direction;

/** Reads the steps that send packets or jobs: traffic, secondary and probe. */
final class TrafficReader {
    static final long MAX_COUNT = 1_000_000_000L;
    static final long MAX_RATE = 10_000_000L;
    static final int MAX_FLOWS = 4096;
    private static final Set<Direction> OUT = EnumSet.of(Direction.OUTBOUND);
    private static final Set<Direction> IN = EnumSet.of(Direction.INBOUND);
    private static final Set<Direction> ANY = EnumSet.allOf(Direction.class);

    private TrafficReader() {
    }

    static Step traffic(MapReader m, PlanContext ctx, String name, Duration timeout) {
        Long flows = m.integer("flows", 1, MAX_FLOWS, false);
        Sizes sizes = sizes(m);
        Load load = load(m, timeout);
        TrafficDirection direction = m.choice("direction", PlanWords.DIRECTION, true);
        String[] sas = direction == null ? null : sas(m, ctx, direction);
        String member = ctx.member(m, "member", false);
        if (name == null || timeout == null || sizes == null || load == null || sas == null) {
            return null;
        }
        return new Step.Traffic(name, timeout, flows == null ? 1 : flows.intValue(), sizes, load, direction,
                Optional.ofNullable(sas[0]), Optional.ofNullable(sas[1]), Optional.ofNullable(member));
    }

    static Step secondary(MapReader m, PlanContext ctx, String name, Duration timeout) {
        Long jobs = m.integer("jobs", 1, MAX_COUNT, true);
        Sizes sizes = sizes(m);
        String sa = ctx.sa(m, "sa", OUT, "secondary-use encryption");
        Long rate = m.integer("rate", 1, MAX_RATE, false);
        if (jobs != null && rate != null && timeout != null) {
            Duration takes = Duration.ofMillis(Math.multiplyExact(jobs, 1000L) / rate);
            if (takes.compareTo(timeout) >= 0) {
                m.error("rate", jobs + " jobs at " + rate + " per second take " + Scalars.format(takes)
                        + ", which does not fit in its timeout " + Scalars.format(timeout));
                return null;
            }
        }
        if (name == null || timeout == null || jobs == null || sizes == null || sa == null) {
            return null;
        }
        return new Step.Secondary(name, timeout, jobs, sizes, sa, rate == null ? OptionalLong.empty() : OptionalLong.of(rate));
    }

    static Step probe(MapReader m, PlanContext ctx, String name, Duration timeout) {
        ProbeKind kind = m.choice("probe", PlanWords.PROBE, true);
        Set<Direction> allowed = kind == ProbeKind.REPLAY || kind == ProbeKind.TAMPER ? IN : ANY;
        String sa = ctx.sa(m, "sa", allowed, "a " + (kind == null ? "" : PlanWords.PROBE.spell(kind)) + " probe");
        Long count = m.integer("count", 1, MAX_COUNT, true);
        String member = ctx.member(m, "member", kind == ProbeKind.RESET_CLEARS);
        if (name == null || timeout == null || kind == null || sa == null || count == null) {
            return null;
        }
        return new Step.Probe(name, timeout, kind, sa, count, Optional.ofNullable(member));
    }

    /** {@code sizes: imix} or {@code sizes: [64, 1500]}. */
    private static Sizes sizes(MapReader m) {
        if (!m.require("sizes")) {
            return null;
        }
        Node n = m.get("sizes");
        if (n instanceof Node.ScalarNode s && s.type() == Node.ScalarNode.Type.STRING) {
            if (s.text().equals(PlanWords.IMIX)) {
                return new Sizes.Imix();
            }
            m.error("sizes", "expected a list of sizes in bytes or 'imix', found '" + s.text() + "'");
            return null;
        }
        if (!(n instanceof Node.ListNode l) || l.items().isEmpty()) {
            m.error("sizes", "expected a list of sizes in bytes or 'imix', found "
                    + (n instanceof Node.ListNode ? "an empty list" : n.kind()));
            return null;
        }
        List<Integer> bytes = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
            Long b = Scalars.integer(l.items().get(i), m.pathOf("sizes") + "[" + i + "]", m.problems(), Sizes.MIN, Sizes.MAX);
            if (b == null) {
                return null;
            }
            bytes.add(b.intValue());
        }
        return new Sizes.Fixed(bytes);
    }

    /** {@code count: N}, or {@code rate: PPS} with {@code duration: D} fitting in the timeout. */
    private static Load load(MapReader m, Duration timeout) {
        boolean count = m.has("count");
        boolean rate = m.has("rate") || m.has("duration");
        if (count == rate) {
            m.error("give count, or rate (packets per second) with duration" + (count ? ", not both" : ""));
            return null;
        }
        if (count) {
            Long c = m.integer("count", 1, MAX_COUNT, true);
            return c == null ? null : new Load.Count(c);
        }
        Long pps = m.integer("rate", 1, MAX_RATE, true);
        Duration d = m.duration("duration", true, true);
        if (d != null && timeout != null && d.compareTo(timeout) >= 0) {
            m.error("duration", "traffic for " + Scalars.format(d) + " does not fit in its timeout " + Scalars.format(timeout));
            return null;
        }
        return pps == null || d == null ? null : new Load.Rate(pps, d);
    }

    /** [outbound SA, inbound SA]: {@code sa: NAME} for one direction, {@code sa: [OUT, IN]} for both. */
    private static String[] sas(MapReader m, PlanContext ctx, TrafficDirection direction) {
        if (!m.require("sa")) {
            return null;
        }
        Node n = m.get("sa");
        if (direction == TrafficDirection.BOTH) {
            if (!(n instanceof Node.ListNode l) || l.items().size() != 2) {
                m.error("sa", "direction both needs sa: [OUTBOUND-SA, INBOUND-SA]");
                return null;
            }
            String out = Scalars.name(l.items().get(0), m.pathOf("sa") + "[0]", m.problems());
            String in = Scalars.name(l.items().get(1), m.pathOf("sa") + "[1]", m.problems());
            out = out == null ? null : ctx.checkSa(out, l.items().get(0).location(), m.pathOf("sa") + "[0]", OUT, "the first SA of a pair");
            in = in == null ? null : ctx.checkSa(in, l.items().get(1).location(), m.pathOf("sa") + "[1]", IN, "the second SA of a pair");
            return out == null || in == null ? null : new String[] {out, in};
        }
        if (n instanceof Node.ListNode) {
            m.error("sa", "direction " + PlanWords.DIRECTION.spell(direction) + " takes one SA name; a pair is for direction both");
            return null;
        }
        boolean outbound = direction == TrafficDirection.OUTBOUND;
        String sa = ctx.sa(m, "sa", outbound ? OUT : IN, PlanWords.DIRECTION.spell(direction) + " traffic");
        if (sa == null) {
            return null;
        }
        return outbound ? new String[] {sa, null} : new String[] {null, sa};
    }
}
