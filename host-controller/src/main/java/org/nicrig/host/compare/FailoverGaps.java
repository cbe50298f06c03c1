package org.nicrig.host.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nicrig.host.report.MeasurementResult;
import org.nicrig.host.report.RunReport;

/**
 * The {@code failover_gap} expectations of one plan on both images (aft-failover measures three:
 * link down, stall, unplug), keyed as {@link CheckRows} keys expectations.
 */
final class FailoverGaps {
    static final String MEASURE = "failover_gap";

    private FailoverGaps() {
    }

    static List<FailoverGap> of(String plan, RunReport baseline, RunReport candidate) {
        Map<String, MeasurementResult> b = gaps(baseline);
        Map<String, MeasurementResult> c = gaps(candidate);
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(c.keySet());
        List<FailoverGap> out = new ArrayList<>();
        for (String key : keys) {
            MeasurementResult bm = b.get(key);
            MeasurementResult cm = c.get(key);
            String limit = cm != null ? cm.limitText() : bm.limitText();
            out.add(new FailoverGap(plan, key, millis(bm), millis(cm), limit, outcome(baseline, bm),
                    outcome(candidate, cm), cm != null && cm.outcome() == org.nicrig.host.report.MeasurementOutcome.FAIL));
        }
        return out;
    }

    private static Map<String, MeasurementResult> gaps(RunReport r) {
        Map<String, MeasurementResult> out = new LinkedHashMap<>();
        if (r == null) {
            return out;
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (MeasurementResult m : r.measurements()) {
            String key = (m.step().isEmpty() ? "" : m.step() + ": ") + m.name();
            int n = seen.merge(key, 1, Integer::sum);
            if (m.name().equals(MEASURE)) {
                out.put(n == 1 ? key : key + " #" + n, m);
            }
        }
        return out;
    }

    private static Double millis(MeasurementResult m) {
        return m == null || Figures.notMeasured(m) ? null : m.value();
    }

    private static String outcome(RunReport r, MeasurementResult m) {
        return r == null ? CheckRow.NOT_RUN : m == null ? CheckRow.MISSING : m.outcome().name();
    }
}
