package org.nicrig.host.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.nicrig.host.report.AdmissionRow;
import org.nicrig.host.report.Html;
import org.nicrig.host.report.MeasurementResult;
import org.nicrig.host.report.RunReport;
import org.nicrig.host.report.StepResult;

/**
 * Lines up the checks of one plan's two runs by name: admission of each member, each step, each
 * expectation (by its expect step and measurement, numbered when one expect step measures the same
 * thing twice), and each verifier check that failed on either image. A run that is absent (its
 * image was not flashed) gives NOT_RUN on its side.
 */
final class CheckRows {
    private CheckRows() {
    }

    static List<CheckRow> of(RunReport baseline, RunReport candidate) {
        List<CheckRow> rows = new ArrayList<>();
        side(rows, CheckKind.ADMISSION, baseline, candidate, r -> admissions(r));
        side(rows, CheckKind.STEP, baseline, candidate, r -> steps(r));
        side(rows, CheckKind.EXPECTATION, baseline, candidate, r -> expectations(r));
        verifierChecks(rows, baseline, candidate);
        return rows;
    }

    /** A state and its detail. */
    private record State(String state, String detail) {
    }

    private static void side(List<CheckRow> rows, CheckKind kind, RunReport baseline, RunReport candidate,
                             Function<RunReport, Map<String, State>> states) {
        Map<String, State> b = baseline == null ? Map.of() : states.apply(baseline);
        Map<String, State> c = candidate == null ? Map.of() : states.apply(candidate);
        Set<String> names = new LinkedHashSet<>(b.keySet());
        names.addAll(c.keySet());
        for (String name : names) {
            State bs = baseline == null ? new State(CheckRow.NOT_RUN, "") : b.getOrDefault(name, missing(baseline));
            State cs = candidate == null ? new State(CheckRow.NOT_RUN, "") : c.getOrDefault(name, missing(candidate));
            rows.add(CheckRow.of(kind, name, bs.state(), cs.state(), bs.detail(), cs.detail()));
        }
    }

    private static State missing(RunReport r) {
        return new State(CheckRow.MISSING, r.complete() ? "not in this run" : "the run ended before it");
    }

    private static Map<String, State> admissions(RunReport r) {
        Map<String, State> out = new LinkedHashMap<>();
        for (AdmissionRow a : r.admissions()) {
            String detail = a.identity() + (a.reason().isEmpty() ? "" : ": " + a.reason());
            out.put(a.member(), new State(a.admitted() ? "ADMITTED" : "REFUSED", detail));
        }
        return out;
    }

    private static Map<String, State> steps(RunReport r) {
        Map<String, State> out = new LinkedHashMap<>();
        for (StepResult s : r.steps()) {
            String took = Html.duration(s.duration());
            out.put(s.name(), new State(s.outcome().name(), s.message().isEmpty() ? took : s.message() + " (" + took + ")"));
        }
        return out;
    }

    private static Map<String, State> expectations(RunReport r) {
        Map<String, State> out = new LinkedHashMap<>();
        for (MeasurementResult m : r.measurements()) {
            String key = (m.step().isEmpty() ? "" : m.step() + ": ") + m.name();
            String unique = key;
            for (int n = 2; out.containsKey(unique); n++) {
                unique = key + " #" + n;
            }
            String detail = Figures.value(m) + (m.limitText().isEmpty() ? "" : " (limit: " + m.limitText() + ")");
            out.put(unique, new State(m.outcome().name(), detail));
        }
        return out;
    }

    /** Only checks that failed somewhere: a check that never failed on either image says nothing. */
    private static void verifierChecks(List<CheckRow> rows, RunReport baseline, RunReport candidate) {
        Map<String, Long> b = baseline == null ? Map.of() : baseline.verdicts().total().failuresByCheck();
        Map<String, Long> c = candidate == null ? Map.of() : candidate.verdicts().total().failuresByCheck();
        Set<String> names = new TreeSet<>(b.keySet());
        names.addAll(c.keySet());
        for (String name : names) {
            rows.add(CheckRow.of(CheckKind.VERIFIER_CHECK, name, verifierState(baseline, b, name),
                    verifierState(candidate, c, name), verifierDetail(baseline, b, name), verifierDetail(candidate, c, name)));
        }
    }

    private static String verifierState(RunReport r, Map<String, Long> failures, String check) {
        return r == null ? CheckRow.NOT_RUN : failures.getOrDefault(check, 0L) > 0 ? "FAIL" : "PASS";
    }

    private static String verifierDetail(RunReport r, Map<String, Long> failures, String check) {
        if (r == null) {
            return "";
        }
        long n = failures.getOrDefault(check, 0L);
        return Html.count(n) + " of " + Html.count(r.verdicts().total().packets()) + " packets and jobs failed it";
    }
}
