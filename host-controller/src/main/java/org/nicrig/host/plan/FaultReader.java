package org.nicrig.host.plan;

import java.time.Duration;
import org.nicrig.host.config.MapReader;
import org.nicrig.protocol.message.FaultKind;

/**
 * Reads a fault step. STALL takes a {@code duration}, GARBLE a {@code rate} in parts per million;
 * no other fault takes either. Its trigger is read by {@link StepReader}.
 */
final class FaultReader {
    static final long MAX_PPM = 1_000_000;

    private FaultReader() {
    }

    static Step fault(MapReader m, PlanContext ctx, String name, Duration timeout, Trigger trigger) {
        FaultKind kind = m.choice("fault", PlanWords.FAULT, true);
        String member = ctx.member(m, "member", true);
        Duration duration = Duration.ZERO;
        if (kind == FaultKind.STALL) {
            duration = m.has("duration") ? m.duration("duration", true, true) : null;
            if (!m.has("duration")) {
                m.error("missing required key 'duration' (how long STALL lasts)");
            }
        } else if (m.has("duration") && kind != null) {
            m.error("duration", "duration applies to STALL only");
        }
        Long ppm = 0L;
        if (kind == FaultKind.GARBLE) {
            ppm = m.has("rate") ? m.integer("rate", 1, MAX_PPM, true) : null;
            if (!m.has("rate")) {
                m.error("missing required key 'rate' (GARBLE's corruption rate in parts per million)");
            }
        } else if (m.has("rate") && kind != null) {
            m.error("rate", "rate (parts per million) applies to GARBLE only");
        }
        if (name == null || timeout == null || kind == null || member == null || trigger == null
                || duration == null || ppm == null) {
            return null;
        }
        return new Step.Fault(name, timeout, kind, member, trigger, duration, ppm);
    }
}
