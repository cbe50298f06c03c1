package org.nicrig.host.plan;

import java.util.List;
import org.nicrig.host.config.Choice;
import org.nicrig.protocol.message.FaultKind;

/**
 * How plan files spell enumerated values: one place, shared by the loader and checked against
 * schemas/plan.schema.json's {@code enum} lists by a test.
 */
public final class PlanWords {
    private PlanWords() {
    }

    /** Exactly FaultKind's names, the vocabulary of the emulator and the reports. */
    public static final Choice<FaultKind> FAULT = Choice.exactNames("fault", FaultKind.class);
    /** {@code failover_gap}. */
    public static final Choice<Measure> MEASURE = Choice.of("measurement", Measure.class, m -> List.of(m.key()));
    public static final Choice<Unit> UNIT = Choice.of("unit", Unit.class, u -> List.of(u.symbol()));
    public static final Choice<TrafficDirection> DIRECTION = Choice.lowerDashed("direction", TrafficDirection.class);
    public static final Choice<ProbeKind> PROBE = Choice.lowerDashed("probe", ProbeKind.class);
    /** The only word {@code sizes:} takes instead of a list. */
    public static final String IMIX = "imix";
}
