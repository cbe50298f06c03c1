package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nicrig.host.compare.Comparer;
import org.nicrig.host.compare.Comparison;
import org.nicrig.host.compare.ComparisonSettings;
import org.nicrig.host.compare.FlashRow;
import org.nicrig.host.compare.ImageFacts;
import org.nicrig.host.compare.ImageValidation;
import org.nicrig.host.compare.SuiteMap;
import org.nicrig.host.validate.ValidationException;
import org.nicrig.host.validate.ValidationOptions;
import org.nicrig.host.validate.ValidationResult;

/**
 * nicrig validate-firmware around a fake validation: what it asks for, the exit status of each
 * decision, and one-line errors. (The flow: FirmwareValidationTest; the real thing end to end:
 * FirmwareValidationEndToEndTest.)
 */
class ValidateFirmwareCommandTest {
    private static final String[] ARGS = {"validate-firmware", "--rig", "r.yaml", "--baseline", "a.img", "--candidate",
        "fw-1.5.0.img", "--plan", "p.yaml"};

    private static Seams with(FirmwareValidator v) {
        return Seams.PRODUCTION.withValidation(v).withTerminal(false).withClock(RunCommandTest.CLOCK);
    }

    private static ImageFacts image(String version) {
        return new ImageFacts(version + ".img", version, "1172:e001 rev 0x01..0x0f", 1, true, "0123456789abcdef",
                "00".repeat(32), List.of(), List.of());
    }

    private static ValidationResult result(ImageValidation baseline, ImageValidation candidate) {
        Comparison c = Comparer.compare("emulated", 7, "test", baseline, candidate, List.of(), new SuiteMap(Map.of()),
                ComparisonSettings.DEFAULT);
        return new ValidationResult(c, Path.of("out/comparison.json"), Path.of("out/comparison.html"));
    }

    private static ImageValidation ran(String version) {
        return ImageValidation.ran(image(version), List.of(new FlashRow("fpga1", FlashRow.Status.FLASHED, version, "")), Map.of());
    }

    private static ImageValidation refused(String version) {
        return ImageValidation.stopped(image(version), List.of(new FlashRow("fpga1", FlashRow.Status.REFUSED, "1.4.0",
                "FW_BAD_SIGNATURE")), "fpga1 REFUSED: FW_BAD_SIGNATURE");
    }

    @Test
    void optionsReachTheValidation() {
        AtomicReference<ValidationOptions> asked = new AtomicReference<>();
        Cli.Result r = Cli.run(with(o -> {
            asked.set(o);
            return result(ran("1.4.0"), ran("1.5.0"));
        }), "validate-firmware", "--rig", "r.yaml", "--baseline", "a.img", "--candidate", "dir/fw-1.5.0.img",
                "--plan", "p.yaml", "--plan", "plans/q.yml", "--seed", "-4", "--max-regression", "12.5%");
        assertThat(r.status()).as(r.toString()).isZero();
        ValidationOptions o = asked.get();
        assertThat(o.rig()).isEqualTo(Path.of("r.yaml"));
        assertThat(o.baseline()).isEqualTo(Path.of("a.img"));
        assertThat(o.candidate()).isEqualTo(Path.of("dir/fw-1.5.0.img"));
        assertThat(o.plans()).containsExactly(Path.of("p.yaml"), Path.of("plans/q.yml"));
        assertThat(o.seed()).hasValue(-4);
        assertThat(o.settings().maxRegression()).isEqualTo(0.125);
        assertThat(o.outDir()).isEqualTo(Path.of("nicrig-out", "validate-fw-1.5.0-20250102-030405"));
    }

    @Test
    void withoutAPlanItRunsTheShippedConformancePlan() {
        AtomicReference<ValidationOptions> asked = new AtomicReference<>();
        String home = System.getProperty("nicrig.home");
        System.setProperty("nicrig.home", "..");
        try {
            Cli.Result r = Cli.run(with(o -> {
                asked.set(o);
                return result(ran("1.4.0"), ran("1.5.0"));
            }), "validate-firmware", "--rig", "r.yaml", "--baseline", "a.img", "--candidate", "b.img", "--out", "o");
            assertThat(r.status()).as(r.toString()).isZero();
        } finally {
            if (home == null) {
                System.clearProperty("nicrig.home");
            } else {
                System.setProperty("nicrig.home", home);
            }
        }
        assertThat(asked.get().plans()).containsExactly(Path.of("..", "test-plans", "conformance.yaml"));
        assertThat(asked.get().settings().maxRegression()).as("the default").isEqualTo(0.35);
        assertThat(asked.get().seed()).isEmpty();
    }

    @Test
    void goIsExit0NoGoIs1AndABaselineThatCouldNotBeFlashedIs2() {
        Cli.Result go = Cli.run(with(o -> result(ran("1.4.0"), ran("1.5.0"))), ARGS);
        assertThat(go.status()).as(go.toString()).isEqualTo(ExitCode.OK);
        assertThat(go.out()).contains("\nGO  candidate 1.5.0 against baseline 1.4.0 on emulated  (seed 7)\n")
                .contains("new failures: 0, fixed: 0, still failing: 0\n")
                .contains("report: " + Path.of("out/comparison.html") + "\n");

        Cli.Result noGo = Cli.run(with(o -> result(ran("1.4.0"), refused("1.5.2"))), ARGS);
        assertThat(noGo.status()).as(noGo.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(noGo.out()).contains("\nNO-GO  candidate 1.5.2 against baseline 1.4.0 on emulated  (seed 7)\n"
                + "  - the candidate 1.5.2 could not be validated: fpga1 REFUSED: FW_BAD_SIGNATURE\n");

        Cli.Result error = Cli.run(with(o -> result(refused("1.4.0"), ran("1.5.0"))), ARGS);
        assertThat(error.status()).as(error.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(error.out()).contains("\nERROR  candidate 1.5.0 against baseline 1.4.0");
    }

    @Test
    void aValidationErrorIsOneLineAndExit2() {
        Cli.Result r = Cli.run(with(o -> {
            throw new ValidationException("b.img: bad firmware image at byte 0: magic is not \"NRFW\"");
        }), ARGS);
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("nicrig validate-firmware: b.img: bad firmware image at byte 0: magic is not \"NRFW\"\n");
    }

    @Test
    void missingImagesAndABadRegressionAreUsageErrors() {
        Cli.Result missing = Cli.run(with(o -> {
            throw new AssertionError("not called");
        }), "validate-firmware", "--rig", "r.yaml", "--baseline", "a.img");
        assertThat(missing.status()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("--candidate");

        Cli.Result bad = Cli.run(with(o -> {
            throw new AssertionError("not called");
        }), "validate-firmware", "--rig", "r.yaml", "--baseline", "a.img", "--candidate", "b.img", "--max-regression", "abc");
        assertThat(bad.status()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--max-regression: expected a percentage from 0 to 100, found 'abc'");
    }

    @Test
    void anUnknownPlanNameListsTheShippedOnes() {
        String home = System.getProperty("nicrig.home");
        System.setProperty("nicrig.home", "..");
        try {
            Cli.Result r = Cli.run(with(o -> {
                throw new AssertionError("not called");
            }), "validate-firmware", "--rig", "r.yaml", "--baseline", "a.img", "--candidate", "b.img", "--plan", "conformence");
            assertThat(r.status()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).startsWith("nicrig validate-firmware: no plan named 'conformence' in "
                    + Path.of("..", "test-plans") + " (there are: aft-failover, alb-balance, conformance,");
        } finally {
            if (home == null) {
                System.clearProperty("nicrig.home");
            } else {
                System.setProperty("nicrig.home", home);
            }
        }
    }
}
