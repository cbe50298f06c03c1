package org.nicrig.host.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.nicrig.host.report.Counts;
import org.nicrig.host.report.MeasurementOutcome;
import org.nicrig.host.report.MeasurementResult;
import org.nicrig.host.report.ReportSet;
import org.nicrig.host.report.RunInfo;
import org.nicrig.host.report.RunReport;
import org.nicrig.host.report.RunVerdict;
import org.nicrig.host.report.StepOutcome;
import org.nicrig.host.report.StepResult;
import org.nicrig.host.run.RunResult;

/** Finished runs, as a runner would return them, for the CLI's tests (no runner involved). */
final class Runs {
    static final Instant START = Instant.parse("2025-01-02T03:04:05Z");

    private Runs() {
    }

    static RunResult result(RunVerdict verdict, List<StepResult> steps, List<MeasurementResult> measurements) {
        RunReport.Builder b = RunReport.builder(new RunInfo("smoke", "emulated", 7, "test"), START);
        steps.forEach(b::step);
        measurements.forEach(b::measurement);
        RunReport report = b.packetsSent(1200)
                .verdicts(org.nicrig.host.report.VerdictTable.of(
                        Map.of("fpga1", new Counts(1198, 2, Map.of("ICV", 2L))), Map.of()))
                .jobsCompleted(Map.of("fpga1", 40L))
                .finished(verdict, "", START.plusMillis(3200), Duration.ofMillis(3200))
                .build();
        Path out = Path.of("nicrig-out", "smoke-1");
        return new RunResult(report, new ReportSet.Files(out.resolve("junit.xml"), out.resolve("summary.json"),
                out.resolve("report.html")), out, 7);
    }

    static RunResult passed() {
        return result(RunVerdict.PASS,
                List.of(step("aes-both-ways", "traffic", StepOutcome.PASS, ""),
                        step("all-good", "expect", StepOutcome.PASS, "")),
                List.of(new MeasurementResult("latency_p99", 3.25, "ms", "at most 50 ms (marginal above 20)",
                        MeasurementOutcome.PASS, "all-good")));
    }

    static RunResult failed() {
        return result(RunVerdict.FAIL,
                List.of(step("aes-both-ways", "traffic", StepOutcome.PASS, ""),
                        step("failover", "fault", StepOutcome.FAIL, "no fail-over within 400 ms")),
                List.of(new MeasurementResult("failover_gap", 512.0, "ms", "at most 400 ms",
                                MeasurementOutcome.FAIL, "failover"),
                        new MeasurementResult("latency_p99", 24.0, "ms", "at most 50 ms (marginal above 20)",
                                MeasurementOutcome.MARGINAL, "failover")));
    }

    static StepResult step(String name, String type, StepOutcome outcome, String message) {
        return new StepResult(name, type, outcome, Duration.ofMillis(1500), message);
    }
}
