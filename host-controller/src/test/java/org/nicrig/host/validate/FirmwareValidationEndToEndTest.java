package org.nicrig.host.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.cli.Nicrig;
import org.nicrig.host.cli.Seams;
import org.nicrig.host.compare.CheckKind;
import org.nicrig.host.compare.Comparison;
import org.nicrig.host.compare.ComparisonJsonWriter;
import org.nicrig.host.compare.Decision;
import org.nicrig.host.compare.Finding;
import org.nicrig.host.compare.FlashRow;
import org.nicrig.host.firmware.ImageSigner;
import org.nicrig.host.firmware.KeyFiles;
import org.nicrig.host.firmware.SigningKey;
import org.nicrig.protocol.image.FirmwareImage;
import picocli.CommandLine;

/**
 * nicrig validate-firmware for real: images built and signed here with the development key the
 * emulated devices trust (keys/nicrig-dev.key), flashed onto rigs/emulated.yaml's fpga1 in fresh
 * non-volatile memory, plans run on the devices, the comparison read back from comparison.json.
 * The baseline is the factory-equivalent fpga-aes 1.4.0 (FpgaImages). The shipped conformance
 * plan runs once, for the defect it must catch; the other cases use a one-second plan.
 */
class FirmwareValidationEndToEndTest {
    private static final Path RIG = Path.of("../rigs/emulated.yaml");
    private static final String QUICK = "src/test/resources/org/nicrig/host/validate/quick.yaml";

    @TempDir
    static Path dir;

    private static Path baseline;

    @BeforeAll
    static void images() throws Exception {
        ImageSigner dev = new ImageSigner(KeyFiles.readPrivate(Path.of("../keys/nicrig-dev.key")));
        baseline = write("fpga-aes-1.4.0.img", dev.sign(FpgaImages.unsigned("1.4.0", 1, List.of())));
        write("fpga-aes-1.5.0.img", dev.sign(FpgaImages.unsigned("1.5.0", 1, List.of())));
        // DEFECTS.md: IV_REUSE sends one IV for every packet of an SA; conformance's random-IV traffic catches it
        write("fpga-aes-1.5.1.img", dev.sign(FpgaImages.unsigned("1.5.1", 1, List.of("IV_REUSE"))));
        write("unsigned-1.5.2.img", FpgaImages.unsigned("1.5.2", 1, List.of()));
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 0x5a); // some key the devices do not trust
        write("other-key-1.5.2.img", new ImageSigner(SigningKey.fromSeed(seed)).sign(FpgaImages.unsigned("1.5.2", 1, List.of())));
    }

    @Test
    void aCandidateWithADefectTheConformancePlanCatchesIsANoGoThatNamesTheNewFailure() throws Exception {
        Result r = validate("fpga-aes-1.5.1.img", "defect", "--plan", "../test-plans/conformance.yaml");

        assertThat(r.status).as(r.out).isEqualTo(1);
        Comparison c = r.comparison;
        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.candidate().flashes()).extracting(FlashRow::device, FlashRow::status, FlashRow::running)
                .containsExactly(tuple("fpga1", FlashRow.Status.FLASHED, "1.5.1"));
        assertThat(c.plans()).singleElement().satisfies(p -> {
            assertThat(p.baselineVerdict()).isEqualTo("PASS");
            assertThat(p.candidateVerdict()).isEqualTo("FAIL");
        });
        assertThat(c.newFailures()).extracting(Finding::kind, Finding::name).contains(
                tuple(CheckKind.EXPECTATION, "conforms: verified_fraction"),
                tuple(CheckKind.VERIFIER_CHECK, "IV_REUSE"));
        assertThat(c.reasons()).contains("plan conformance FAIL on the candidate: 1 step(s) failed")
                .anyMatch(reason -> reason.startsWith("new failure in conformance: verifier check 'IV_REUSE': PASS on the"
                        + " baseline, FAIL on the candidate"));
        assertThat(c.candidate().image().modelDefects()).containsExactly("IV_REUSE");
        assertThat(dir.resolve("defect/candidate/conformance/report.html")).isRegularFile();
        assertThat(dir.resolve("defect/comparison.html")).isRegularFile();
        assertThat(r.out).contains("\nNO-GO  candidate 1.5.1 against baseline 1.4.0 on emulated");
        // each run (warm-up, baseline, candidate) shows its progress from step 1, as nicrig run does
        assertThat(r.out.split("step 1/20 kat-aes-out: PASS", -1)).hasSize(4);
    }

    @Test
    void aGoodCandidateIsAGo() throws Exception {
        // the throughput rule is ComparerTest's: here two one-second runs on a shared machine must not decide
        Result r = validate("fpga-aes-1.5.0.img", "good", "--plan", QUICK, "--max-regression", "90");

        assertThat(r.status).as(r.out).isZero();
        assertThat(r.comparison.decision()).isEqualTo(Decision.GO);
        assertThat(r.comparison.reasons()).isEmpty();
        assertThat(r.comparison.plans()).extracting(p -> p.baselineVerdict() + " " + p.candidateVerdict())
                .containsExactly("PASS PASS");
        assertThat(r.comparison.candidate().flashes()).extracting(FlashRow::running).containsExactly("1.5.0");
        assertThat(r.comparison.seed()).isEqualTo(11);
    }

    @Test
    void anUnsignedOrWronglySignedCandidateIsRefusedByTheDeviceAndANoGo() throws Exception {
        for (String image : List.of("unsigned-1.5.2.img", "other-key-1.5.2.img")) {
            Result r = validate(image, "refused-" + image, "--plan", QUICK);

            assertThat(r.status).as(r.out).isEqualTo(1);
            assertThat(r.comparison.decision()).isEqualTo(Decision.NO_GO);
            assertThat(r.comparison.candidate().flashes()).singleElement().satisfies(f -> {
                assertThat(f.status()).isEqualTo(FlashRow.Status.REFUSED);
                assertThat(f.detail()).contains("FW_BAD_SIGNATURE");
            });
            assertThat(r.comparison.reasons()).singleElement().asString()
                    .startsWith("the candidate 1.5.2 could not be validated: fpga1 REFUSED: FW_BAD_SIGNATURE");
            assertThat(r.comparison.plans().get(0).candidateVerdict()).isEqualTo("NOT_RUN");
        }
    }

    private record Result(int status, String out, Comparison comparison) {
    }

    private static Result validate(String candidate, String out, String... more) throws Exception {
        StringWriter text = new StringWriter();
        CommandLine cmd = Nicrig.commandLine(Seams.PRODUCTION.withTerminal(false));
        cmd.setOut(new PrintWriter(text, true));
        cmd.setErr(new PrintWriter(text, true));
        String[] args = {"validate-firmware", "--rig", RIG.toString(), "--baseline", baseline.toString(), "--candidate",
            dir.resolve(candidate).toString(), "--out", dir.resolve(out).toString(), "--seed", "11"};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        int status = cmd.execute(all);
        Path json = dir.resolve(out).resolve(ComparisonJsonWriter.FILE_NAME);
        assertThat(json).as(text.toString()).isRegularFile();
        return new Result(status, text.toString(), ComparisonJsonWriter.read(json));
    }

    private static Path write(String name, FirmwareImage image) throws Exception {
        return Files.write(dir.resolve(name), image.toBytes());
    }
}
