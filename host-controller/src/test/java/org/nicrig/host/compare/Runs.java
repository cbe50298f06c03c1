package org.nicrig.host.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nicrig.host.report.AdmissionRow;
import org.nicrig.host.report.Counts;
import org.nicrig.host.report.MeasurementOutcome;
import org.nicrig.host.report.MeasurementResult;
import org.nicrig.host.report.RunInfo;
import org.nicrig.host.report.RunReport;
import org.nicrig.host.report.RunVerdict;
import org.nicrig.host.report.StepOutcome;
import org.nicrig.host.report.StepResult;
import org.nicrig.host.report.VerdictTable;

/**
 * Hand-built run reports shaped like the shipped plans' (conformance: traffic, jobs and an expect
 * step; aft-failover: a fail-over gap), changed one thing at a time by the tests.
 */
final class Runs {
    static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    static final String AES = "aes-128-cbc + hmac-sha2-256-128";
    static final String DES3 = "triple-des-cbc + hmac-sha1-96";
    /** The suites of the steps below, as SuiteMap.forPlan gives them for the shipped plans on rigs/emulated.yaml. */
    static final SuiteMap SUITES = new SuiteMap(Map.of(
            "conformance", Map.of("random-iv-aes", AES, "jobs-aes", AES, "jobs-3des", DES3, "kat-aes-out", AES),
            "aft-failover", Map.of("load-1", AES)));

    private Runs() {
    }

    /** A mutable description of one run, turned into a report by {@link #report()}. */
    static final class Run {
        final String plan;
        RunVerdict verdict = RunVerdict.PASS;
        String message = "all steps passed";
        final Map<String, StepResult> steps = new LinkedHashMap<>();
        final Map<String, MeasurementResult> measurements = new LinkedHashMap<>();
        final Map<String, AdmissionRow> admissions = new LinkedHashMap<>();
        final Map<String, Long> verifierFailures = new LinkedHashMap<>();
        long verified = 13_700;

        Run(String plan) {
            this.plan = plan;
            for (String m : List.of("fpga1", "ipsec1", "plain1")) {
                admissions.put(m, new AdmissionRow(m, "1172:e001 rev 1, fw 1.4.0", true, true, true, ""));
            }
        }

        Run step(String name, String type, StepOutcome outcome, long millis, long items, long bytes, String message) {
            steps.put(name, new StepResult(name, type, outcome, Duration.ofMillis(millis), message, items, bytes));
            return this;
        }

        Run measurement(String step, String name, double value, String unit, String limit, MeasurementOutcome o) {
            measurements.put(step + "/" + name, new MeasurementResult(name, value, unit, limit, o, step));
            return this;
        }

        Run refused(String member, String reason) {
            admissions.put(member, new AdmissionRow(member, "1172:e001 rev 1, fw 2.0.0", false, false, false, reason));
            return this;
        }

        Run verifierFailure(String check, long packets) {
            verifierFailures.put(check, packets);
            return this;
        }

        Run failed(String why) {
            verdict = RunVerdict.FAIL;
            message = why;
            return this;
        }

        /** Makes the named step take {@code millis} instead (same bytes: the same seed moves the same bytes). */
        Run slower(String step, long millis) {
            StepResult s = steps.get(step);
            steps.put(step, new StepResult(s.name(), s.type(), s.outcome(), Duration.ofMillis(millis), s.message(),
                    s.items(), s.bytes()));
            return this;
        }

        Run stepOutcome(String step, StepOutcome outcome, String message) {
            StepResult s = steps.get(step);
            steps.put(step, new StepResult(s.name(), s.type(), outcome, s.duration(), message, s.items(), s.bytes()));
            return this;
        }

        Run measured(String step, String name, double value, MeasurementOutcome outcome) {
            MeasurementResult m = measurements.get(step + "/" + name);
            measurements.put(step + "/" + name, new MeasurementResult(name, value, m.unit(), m.limitText(), outcome, step));
            return this;
        }

        RunReport report() {
            RunReport.Builder b = RunReport.builder(new RunInfo(plan, "emulated", 10, "test"), T0);
            admissions.values().forEach(b::admission);
            steps.values().forEach(b::step);
            measurements.values().forEach(b::measurement);
            long failed = verifierFailures.values().stream().mapToLong(Long::longValue).max().orElse(0);
            Counts total = new Counts(verified - failed, failed, verifierFailures);
            b.verdicts(VerdictTable.of(Map.of("fpga1", total), Map.of()));
            return b.finished(verdict, message, T0.plusSeconds(9), Duration.ofSeconds(9)).build();
        }

        PlanRun run(String side) {
            return new PlanRun(report(), side + "/" + plan + "/report.html");
        }
    }

    /** A healthy conformance run: 1 s of AES traffic, 250 ms of AES jobs, 200 ms of 3DES jobs, all passed. */
    static Run conformance() {
        return new Run("conformance")
                .step("kat-aes-out", "probe", StepOutcome.PASS, 40, 0, 0, "")
                .step("random-iv-aes", "traffic", StepOutcome.PASS, 1000, 4000, 1_436_488, "")
                .step("jobs-aes", "secondary", StepOutcome.PASS, 250, 5000, 1_724_900, "")
                .step("jobs-3des", "secondary", StepOutcome.PASS, 200, 2000, 703_784, "")
                .step("conforms", "expect", StepOutcome.PASS, 1, 0, 0, "")
                .measurement("conforms", "verified_fraction", 1.0, "", "at least 1", MeasurementOutcome.PASS)
                .measurement("conforms", "replays_accepted", 0, "", "equals 0", MeasurementOutcome.PASS);
    }

    /** A healthy aft-failover run: the primary's link drops under load, the team fails over in 120 ms. */
    static Run failover() {
        return new Run("aft-failover")
                .step("load-1", "traffic", StepOutcome.PASS, 6000, 6000, 2_100_000, "")
                .step("failed-over-on-link-down", "expect", StepOutcome.PASS, 1, 0, 0, "")
                .measurement("failed-over-on-link-down", "failover_gap", 120, "ms", "at most 400 ms (marginal above 250)",
                        MeasurementOutcome.PASS);
    }

    static ImageFacts image(String version) {
        return image(version, 5);
    }

    static ImageFacts image(String version, long rollbackCounter) {
        return new ImageFacts(version + ".img", version, "1172:e001 rev 0x01..0x0f", rollbackCounter, true, "a1b2c3d4e5f60718",
                "00".repeat(32), List.of(), List.of());
    }

    static List<FlashRow> flashed(String version) {
        return List.of(new FlashRow("fpga1", FlashRow.Status.FLASHED, version, ""));
    }

    static ImageValidation ran(String version, String side, Run... runs) {
        Map<String, PlanRun> byPlan = new LinkedHashMap<>();
        for (Run r : runs) {
            byPlan.put(r.plan, r.run(side));
        }
        return ImageValidation.ran(image(version), flashed(version), byPlan);
    }
}
