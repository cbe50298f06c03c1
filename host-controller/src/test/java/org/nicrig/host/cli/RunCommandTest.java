package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.config.ConfigException;
import org.nicrig.host.run.RunOptions;

/**
 * nicrig run around a fake runner: what it asks the runner for, how it shows the result, and the
 * exit status and error text for each way a run can end. (The runner's own tests come with it.)
 */
class RunCommandTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static Seams with(PlanRunner runner) {
        return Seams.PRODUCTION.withRunner(runner).withTerminal(false).withClock(CLOCK);
    }

    @Test
    void optionsReachTheRunnerAndOutDefaultsToPlanAndTime() {
        AtomicReference<RunOptions> asked = new AtomicReference<>();
        Cli.Result r = Cli.run(with(o -> {
            asked.set(o);
            return Runs.passed();
        }), "run", "test-plans/smoke.yaml");
        assertThat(r.status()).as(r.toString()).isZero();
        RunOptions o = asked.get();
        assertThat(o.plan()).isEqualTo(Path.of("test-plans/smoke.yaml"));
        assertThat(o.rig()).isEmpty(); // the runner takes the plan's rig, else rigs/emulated.yaml
        assertThat(o.seed()).isEmpty();
        assertThat(o.outDir()).isEqualTo(Path.of("nicrig-out", "smoke-20250102-030405"));
        assertThat(o.verbose()).isFalse();
        assertThat(o.progress()).isInstanceOf(LineProgress.class);

        Cli.run(with(o2 -> {
            asked.set(o2);
            return Runs.passed();
        }), "run", "p.yml", "--rig", "rigs/bench.yaml", "--seed", "-3", "--out", "here", "--verbose");
        assertThat(asked.get()).extracting(RunOptions::rig, RunOptions::seed, RunOptions::outDir, RunOptions::verbose)
                .containsExactly(Optional.of(Path.of("rigs/bench.yaml")), OptionalLong.of(-3), Path.of("here"), true);
    }

    @Test
    void terminalGetsTheLiveLine() {
        AtomicReference<RunOptions> asked = new AtomicReference<>();
        Cli.run(Seams.PRODUCTION.withTerminal(true).withRunner(o -> {
            asked.set(o);
            return Runs.passed();
        }), "run", "x.yaml");
        assertThat(asked.get().progress()).isInstanceOf(TerminalProgress.class);
    }

    @Test
    void seedIsPrintedFirstAndThePassingSummaryLast() {
        Cli.Result r = Cli.run(with(o -> {
            o.progress().started("smoke", "emulated", 7, 2);
            o.progress().stepStarted("aes-both-ways", "traffic");
            o.progress().stepFinished("aes-both-ways", "PASS", "");
            return Runs.passed();
        }), "run", "smoke.yaml");
        assertThat(r.status()).isEqualTo(ExitCode.OK);
        assertThat(r.out().lines().findFirst()).contains("seed 7  (--seed 7 replays this run)");
        assertThat(r.out()).contains("\nPASS  smoke on emulated  (seed 7, 3.2 s)\n")
                .contains("  PASS  aes-both-ways  traffic  1.5 s\n")
                .contains("  PASS  latency_p99  3.25 ms  at most 50 ms (marginal above 20)  all-good\n")
                .contains("packets: 1200 sent, 1198 verified, 2 failed; jobs: 40 completed, 0 failed\n")
                .endsWith("report: " + Path.of("nicrig-out/smoke-1/report.html") + "\n"
                        + "also:   " + Path.of("nicrig-out/smoke-1/junit.xml") + ", summary.json, and the journal and pcaps in "
                        + Path.of("nicrig-out/smoke-1") + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void failedVerdictExitsOneAndShowsWhy() {
        Cli.Result r = Cli.run(with(o -> Runs.failed()), "run", "smoke.yaml");
        assertThat(r.status()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("\nFAIL  smoke on emulated")
                .contains("  FAIL  failover       fault    1.5 s  no fail-over within 400 ms\n")
                .contains("  FAIL      failover_gap  512 ms  at most 400 ms")
                .contains("  MARGINAL  latency_p99   24 ms   at most 50 ms (marginal above 20)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void badPlanPrintsEachLocatedErrorAndExitsTwo() {
        ConfigErrors errors = new ConfigErrors(List.of(
                new ConfigException("p.yaml", 3, 5, "steps[0].sa", "unknown SA 'aes-ot' (did you mean aes-out?)"),
                new ConfigException("p.yaml", 9, 1, "", "missing required key 'timeout'")));
        Cli.Result r = Cli.run(with(o -> {
            throw errors;
        }), "run", "p.yaml");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("p.yaml:3:5: steps[0].sa: unknown SA 'aes-ot' (did you mean aes-out?)\n"
                + "p.yaml:9:1: missing required key 'timeout'\n");
    }

    @Test
    void outputProblemIsOneLineAndExitsTwo() {
        Cli.Result r = Cli.run(with(o -> {
            throw new FileAlreadyExistsException("out/run1");
        }), "run", "p.yaml", "--out", "out/run1");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("nicrig: out/run1: already exists\n");
    }

    @Test
    void internalErrorHidesItsStackTraceUnlessDebug() {
        PlanRunner broken = o -> {
            throw new IllegalStateException("team has no members");
        };
        Cli.Result plain = Cli.run(with(broken), "run", "p.yaml");
        assertThat(plain.status()).isEqualTo(ExitCode.INTERNAL);
        assertThat(plain.err()).isEqualTo("nicrig: internal error: java.lang.IllegalStateException: team has no members"
                + " (run again with --debug for the stack trace, and please report it)\n");

        // --debug is global: before or after the command
        for (String[] args : List.of(new String[] {"--debug", "run", "p.yaml"}, new String[] {"run", "p.yaml", "--debug"})) {
            Cli.Result debug = Cli.run(with(broken), args);
            assertThat(debug.status()).isEqualTo(ExitCode.INTERNAL);
            assertThat(debug.err()).startsWith("nicrig: internal error: java.lang.IllegalStateException: team has no members\n")
                    .contains("\tat org.nicrig.host.cli.RunCommand.call(");
        }
    }

    @Test
    void debugShowsTheTraceOfAUserErrorToo() {
        Cli.Result r = Cli.run(with(o -> {
            throw new FileAlreadyExistsException("out/run1");
        }), "--debug", "run", "p.yaml");
        assertThat(r.err()).startsWith("nicrig: out/run1: already exists\njava.nio.file.FileAlreadyExistsException");
    }

    @Test
    void progressLineIsEndedEvenWhenTheRunThrows() {
        Cli.Result r = Cli.run(Seams.PRODUCTION.withTerminal(true).withRunner(o -> {
            o.progress().started("p", "r", 1, 1);
            o.progress().stepStarted("s", "wait");
            throw new IllegalStateException("boom");
        }), "run", "p.yaml");
        // the status line was wiped, so the error does not land in the middle of it
        assertThat(r.out()).endsWith("\r" + " ".repeat("[1/1] s | sent 0 verified 0 failed 0 | jobs 0".length()) + "\r");
        assertThat(r.status()).isEqualTo(ExitCode.INTERNAL);
    }

    @Test
    void defaultOutDirIsThePlansNameWithoutExtension() {
        var t = java.time.LocalDateTime.of(2025, 12, 31, 23, 59, 58);
        assertThat(OutDirs.defaultFor(Path.of("/x/test-plans/aft-failover.yaml"), t))
                .isEqualTo(Path.of("nicrig-out/aft-failover-20251231-235958"));
        assertThat(OutDirs.defaultFor(Path.of("plan.yml"), t)).isEqualTo(Path.of("nicrig-out/plan-20251231-235958"));
        assertThat(OutDirs.defaultFor(Path.of("notes.txt"), t)).isEqualTo(Path.of("nicrig-out/notes.txt-20251231-235958"));
    }
}
