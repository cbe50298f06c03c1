package org.nicrig.host.plan;

import java.time.Duration;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Scalars;
import org.nicrig.protocol.message.FaultKind;

/**
 * Reads a fault step. STALL takes a {@code duration}, GARBLE a {@code rate} in parts per million;
 * no other fault takes either. {@code at:} (after the plan's start) and {@code after:} (a step's
 * end) are alternatives; with neither the fault fires when reached.
 */
final class FaultReader {
    static final long MAX_PPM = 1_000_000;

    private FaultReader() {
    }

    static Step fault(MapReader m, PlanContext ctx, String name, Duration timeout) {
        FaultKind kind = m.choice("fault", PlanWords.FAULT, true);
        String member = ctx.member(m, "member", true);
        Trigger trigger = trigger(m, ctx, name);
        Duration duration = Duration.ZERO;
        if (kind == FaultKind.STALL) {
            duration = m.duration("duration", true, true);
        } else if (m.has("duration") && kind != null) {
            m.error("duration", "duration applies to STALL only");
        }
        Long ppm = 0L;
        if (kind == FaultKind.GARBLE) {
            ppm = m.integer("rate", 1, MAX_PPM, true);
        } else if (m.has("rate") && kind != null) {
            m.error("rate", "rate (parts per million) applies to GARBLE only");
        }
        if (name == null || timeout == null || kind == null || member == null || trigger == null
                || duration == null || ppm == null) {
            return null;
        }
        return new Step.Fault(name, timeout, kind, member, trigger, duration, ppm);
    }

    private static Trigger trigger(MapReader m, PlanContext ctx, String self) {
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
        if (at != null && ctx.planTimeout != null && at.compareTo(ctx.planTimeout) >= 0) {
            m.error("at", "at " + Scalars.format(at) + " is not before the plan's timeout " + Scalars.format(ctx.planTimeout));
            return null;
        }
        return at == null ? null : new Trigger.At(at);
    }
}
