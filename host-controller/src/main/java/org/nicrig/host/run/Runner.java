package org.nicrig.host.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.plan.Plan;
import org.nicrig.host.plan.PlanLoader;
import org.nicrig.host.report.JournalOptions;
import org.nicrig.host.report.PcapSet;
import org.nicrig.host.report.ReportSet;
import org.nicrig.host.report.RunInfo;
import org.nicrig.host.report.RunJournal;
import org.nicrig.host.report.RunReport;
import org.nicrig.host.report.RunVerdict;
import org.nicrig.host.report.StepOutcome;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigLoader;
import org.nicrig.host.rig.TeamSettings;

/**
 * Runs one test plan on one rig, end to end: loads both (every error located), brings the rig up
 * through admission, runs the steps, journals everything as it happens (a run killed half-way
 * leaves a readable, incomplete journal), and writes the reports atomically from that journal, so
 * what the reports say is exactly what was recorded.
 */
public final class Runner {
    /** The built-in rig when neither the command line nor the plan names one. */
    public static final Path DEFAULT_RIG = Path.of("rigs", "emulated.yaml");

    private Runner() {
    }

    public static RunResult run(RunOptions options) throws ConfigErrors, IOException {
        Rig rig = options.rig().isPresent() ? RigLoader.load(options.rig().get()) : null;
        Plan plan = rig != null ? PlanLoader.load(options.plan(), rig) : PlanLoader.load(options.plan());
        if (rig == null) {
            Path rigPath = plan.rig().orElse(Path.of(System.getProperty("nicrig.home", ".")).resolve(DEFAULT_RIG));
            rig = RigLoader.load(rigPath);
        }
        if (options.nvmDir().isPresent()) {
            rig = rig.withNvmDir(options.nvmDir().get());
        }
        return run(options, plan, rig);
    }

    /**
     * Runs a plan already loaded against {@code rig} ({@link PlanLoader#load(Path, Rig)}), ignoring
     * {@link RunOptions#rig()}, {@link RunOptions#plan()} and {@link RunOptions#nvmDir()}: for callers that change a rig before
     * running on it, as {@code nicrig validate-firmware} does with the firmware it flashed.
     */
    public static RunResult run(RunOptions options, Plan plan, Rig rig) throws ConfigErrors, IOException {
        long seed = options.seed().isPresent() ? options.seed().getAsLong()
                : plan.seed().isPresent() ? plan.seed().getAsLong() : System.nanoTime();
        TeamSettings settings = plan.team().applyTo(rig.team());
        options.progress().started(plan.name(), rig.name(), seed, plan.allSteps().size());

        Files.createDirectories(options.outDir());
        RunInfo info = RunInfo.of(plan.name(), rig.name(), seed);
        JournalOptions journalOptions = JournalOptions.DEFAULT.withVerbose(options.verbose());
        RunJournal journal = RunJournal.start(options.outDir(), info, journalOptions);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-progress");
            t.setDaemon(true);
            return t;
        });
        RunVerdict verdict = RunVerdict.ERROR;
        String message = "";
        try (PcapSet pcaps = PcapSet.open(options.outDir())) {
            Stats runStats = new Stats(plan.name(), null);
            runStats.startNanos = System.nanoTime();
            long deadline = runStats.startNanos + plan.timeout().toNanos();
            try (RigRuntime runtime = RigRuntime.start(rig, settings, seed, journal, pcaps, runStats, options.progress())) {
                ticker.scheduleAtFixedRate(() -> {
                    options.progress().counters(runStats.sent.sum(), runStats.verified.sum(), runStats.failedVerdicts.sum(),
                            runStats.jobs.sum(), runStats.lost.sum());
                }, 1, 1, TimeUnit.SECONDS);
                StepRunner steps = new StepRunner(runtime, seed, options.progress());
                steps.runSequence(plan.steps(), runStats, runStats.startNanos, deadline);
                runtime.verifiers.values().forEach(OrderedVerifier::flush);
                List<StepRunner.Finished> results = steps.results();
                long bad = results.stream().filter(r -> r.outcome() == StepOutcome.FAIL || r.outcome() == StepOutcome.ERROR).count();
                long skipped = results.stream().filter(r -> r.outcome() == StepOutcome.SKIPPED).count();
                verdict = bad == 0 && skipped == 0 ? RunVerdict.PASS : RunVerdict.FAIL;
                message = verdict == RunVerdict.PASS ? "all " + results.size() + " steps passed"
                        : bad + " step(s) failed" + (skipped > 0 ? ", " + skipped + " skipped (plan timeout)" : "");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                message = "interrupted";
            } catch (ConfigErrors e) {
                message = "configuration: " + e.getMessage();
                throw e;
            } catch (RuntimeException e) {
                message = "internal error: " + e;
                throw e;
            } finally {
                ticker.shutdownNow();
                journal.finish(verdict, message);
            }
        } finally {
            journal.close();
        }
        ReportSet.Files files = ReportSet.fromJournal(journal.path());
        RunReport report = org.nicrig.host.report.JsonSummaryWriter.read(files.summaryJson());
        return new RunResult(report, files, options.outDir(), seed);
    }

    /** The default output folder: {@code nicrig-out/PLAN-yyyyMMdd-HHmmss}. */
    public static Path defaultOutDir(String planName) {
        return Path.of("nicrig-out", planName + "-" + java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
}
