package org.nicrig.host.report;

import java.util.Map;

/** Verified packets per member and per SA (keys {@code 0x%08x}), with the run's total. */
public record VerdictTable(Counts total, Map<String, Counts> byMember, Map<String, Counts> bySa) {
    public static final VerdictTable NONE = of(Map.of(), Map.of());

    public VerdictTable {
        total = total == null ? Counts.NONE : total;
        byMember = Text.sorted(byMember);
        bySa = Text.sorted(bySa);
    }

    /** The total is the sum over members: every packet was sent through exactly one member. */
    public static VerdictTable of(Map<String, Counts> byMember, Map<String, Counts> bySa) {
        Counts total = byMember.values().stream().reduce(Counts.NONE, Counts::plus);
        return new VerdictTable(total, byMember, bySa);
    }
}
