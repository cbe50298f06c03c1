package org.nicrig.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.nicrig.host.compare.ComparisonSettings;
import org.nicrig.host.compare.Decision;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.validate.FirmwareValidation;
import org.nicrig.host.validate.PlanNames;
import org.nicrig.host.validate.ValidationException;
import org.nicrig.host.validate.ValidationListener;
import org.nicrig.host.validate.ValidationOptions;
import org.nicrig.host.validate.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nicrig validate-firmware}: flashes a baseline and a candidate image in turn, runs the same
 * plans with the same seed on each, and writes a comparison with a GO / NO-GO ({@link FirmwareValidation}).
 */
@Command(name = "validate-firmware", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Compares a candidate firmware image with a baseline on a rig: flashes each in turn onto every",
                "device its target takes (emulated devices start from factory state for each image), runs the",
                "same plans with the same seed on both, and writes comparison.html and comparison.json: verdicts",
                "side by side, new, fixed and still-failing checks, throughput per cipher suite, fail-over gaps,",
                "and a GO or NO-GO with every reason. NO-GO when: the candidate is refused or falls back; a check",
                "that passed on the baseline fails; a plan fails on the candidate; a suite's throughput drops by",
                "more than --max-regression; a fail-over gap is beyond its plan's limit."},
        footer = {"", "Examples:",
                "  nicrig validate-firmware --rig rigs/emulated.yaml --baseline fw-1.4.0.img --candidate fw-1.5.0.img",
                "  nicrig validate-firmware --rig rigs/emulated.yaml --baseline a.img --candidate b.img \\",
                "      --plan conformance --plan aft-failover --seed 42 --out nicrig-out/fw-1.5.0",
                "",
                "Exit status here: 0 GO, 1 NO-GO, 2 bad arguments, a bad image, a rig/plan error, or a baseline",
                "that could not be flashed (nothing to compare against)."})
final class ValidateFirmwareCommand implements Callable<Integer> {
    static final String NAME = "validate-firmware";

    @ParentCommand
    private Nicrig nicrig;

    @Spec
    private CommandSpec spec;

    @Option(names = "--rig", paramLabel = "RIG", required = true, description = "The rig file, e.g. rigs/emulated.yaml.")
    private Path rig;

    @Option(names = "--baseline", paramLabel = "A.img", required = true,
            description = "The image the candidate is compared with (e.g. the firmware in the field).")
    private Path baseline;

    @Option(names = "--candidate", paramLabel = "B.img", required = true, description = "The new image.")
    private Path candidate;

    @Option(names = "--plan", paramLabel = "NAME|FILE",
            description = {"A plan to run on both images; repeat for more, run in order. A NAME means",
                    "test-plans/NAME.yaml (default: " + PlanNames.DEFAULT + ")."})
    private List<String> plans = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = {"Where the comparison and both images' run reports go (OUT/baseline/PLAN/,",
                    "OUT/candidate/PLAN/); must not hold a previous validation",
                    "(default: nicrig-out/validate-CANDIDATE-yyyyMMdd-HHmmss)."})
    private Path out;

    @Option(names = "--seed", paramLabel = "N",
            description = "The seed for every plan on both images (default: one is picked and printed; give it to replay).")
    private Long seed;

    @Option(names = "--max-regression", paramLabel = "PERCENT",
            description = "The largest throughput drop per cipher suite that is still GO (default: ${DEFAULT-VALUE} %%)."
                    + " Generous because these machines are noisy: eight runs of one image on the emulated rig"
                    + " (2 shared cores) gave per-suite figures up to 30 %% apart, and an image validated against"
                    + " itself came out up to 14 %% slower. Tighten it on a quiet bench.",
            defaultValue = "35")
    private String maxRegression;

    @Override
    public Integer call() throws ConfigErrors, IOException {
        Seams seams = nicrig.seams();
        PrintWriter stdout = spec.commandLine().getOut();
        double fraction = percent(maxRegression);
        Path home = Path.of(System.getProperty("nicrig.home", "."));
        List<Path> planFiles = new ArrayList<>();
        RunsDisplay progress = new RunsDisplay(seams.terminal().getAsBoolean(), stdout);
        ValidationResult result;
        try {
            for (String p : plans.isEmpty() ? List.of(PlanNames.DEFAULT) : plans) {
                planFiles.add(PlanNames.resolve(p, home));
            }
            Path outDir = out != null ? out : OutDirs.defaultFor(Path.of("validate-" + stem(candidate)),
                    LocalDateTime.now(seams.clock()));
            ValidationOptions options = new ValidationOptions(rig, baseline, candidate, planFiles,
                    seed == null ? OptionalLong.empty() : OptionalLong.of(seed), outDir,
                    ComparisonSettings.DEFAULT.withMaxRegression(fraction), progress);
            result = seams.validation().validate(options);
        } catch (ValidationException e) {
            progress.end();
            PrintWriter err = spec.commandLine().getErr();
            err.println("nicrig " + NAME + ": " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        } finally {
            progress.end();
        }
        stdout.print(ValidationSummary.format(result));
        stdout.flush();
        Decision d = result.comparison().decision();
        return d == Decision.GO ? ExitCode.OK : d == Decision.NO_GO ? ExitCode.FAILED : ExitCode.USAGE;
    }

    /**
     * Each run's progress as {@code nicrig run} shows it, on a display of its own (step numbers and
     * counters start again), and the flow's own lines printed where the status line was.
     */
    private static final class RunsDisplay implements ValidationListener {
        private final boolean terminal;
        private final PrintWriter out;
        private ProgressDisplay run;

        RunsDisplay(boolean terminal, PrintWriter out) {
            this.terminal = terminal;
            this.out = out;
            this.run = display();
        }

        private ProgressDisplay display() {
            return terminal ? new TerminalProgress(out) : new LineProgress(out);
        }

        synchronized void end() {
            run.end();
        }

        @Override
        public synchronized void note(String line) {
            run.end();
            out.println(line);
            out.flush();
        }

        @Override
        public synchronized void started(String plan, String rig, long seed, int steps) {
            run.end();
            run = display();
            run.started(plan, rig, seed, steps);
        }

        @Override
        public synchronized void admitted(String member, boolean admitted, String detail) {
            run.admitted(member, admitted, detail);
        }

        @Override
        public synchronized void stepStarted(String step, String type) {
            run.stepStarted(step, type);
        }

        @Override
        public synchronized void stepFinished(String step, String outcome, String message) {
            run.stepFinished(step, outcome, message);
        }

        @Override
        public synchronized void counters(long sent, long verified, long failed, long jobs, long jobsFailed) {
            run.counters(sent, verified, failed, jobs, jobsFailed);
        }
    }

    private double percent(String text) {
        String t = text.strip().endsWith("%") ? text.strip().substring(0, text.strip().length() - 1).strip() : text.strip();
        try {
            double v = Double.parseDouble(t);
            if (v >= 0 && v <= 100) {
                return v / 100;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--max-regression: expected a percentage from 0 to 100, found '"
                + text + "'");
    }

    private static String stem(Path image) {
        Path f = image.getFileName();
        String name = f == null ? "image" : f.toString();
        return name.replaceFirst("\\.[^.]*$", "");
    }
}
