package org.nicrig.host.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.compare.Comparison;
import org.nicrig.host.compare.ComparisonJsonWriter;
import org.nicrig.host.compare.ComparisonSettings;
import org.nicrig.host.compare.Decision;
import org.nicrig.host.compare.FlashRow;
import org.nicrig.host.plan.Plan;
import org.nicrig.host.report.RunInfo;
import org.nicrig.host.report.RunReport;
import org.nicrig.host.report.RunVerdict;
import org.nicrig.host.rig.ExpectedIdentity;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigDevice;
import org.nicrig.host.rig.RigLoader;
import org.nicrig.host.run.RunOptions;
import org.nicrig.host.run.RunResult;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.message.Capabilities;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.MacAddress;
import org.nicrig.protocol.message.PciIdentity;

/**
 * The flow around the devices and the runner, with both faked: what is checked before anything is
 * flashed, where each image's runs go, that both images run with one seed on a rig that expects
 * the flashed version, and how a refusal stops an image. (The real thing: FirmwareValidationEndToEndTest.)
 */
class FirmwareValidationTest {
    private static final Path RIG = Path.of("../rigs/emulated.yaml");
    private static final Path SMOKE = Path.of("../test-plans/smoke.yaml");

    @TempDir
    Path dir;

    private final FakeDevices devices = new FakeDevices();
    private final List<Call> runs = new ArrayList<>();

    /** One plan run the fake runner was asked for. */
    private record Call(Path out, long seed, Rig rig, String plan) {
    }

    @BeforeEach
    void images() throws Exception {
        write("base.img", FpgaImages.unsigned("1.4.0", 1, List.of()));
        write("cand.img", FpgaImages.unsigned("1.5.0", 2, List.of()));
    }

    @Test
    void bothImagesRunEveryPlanWithOneSeedOnARigThatExpectsTheFlashedVersion() throws Exception {
        ValidationResult r = validation().validate(options("cand.img", 77));

        assertThat(runs).extracting(Call::out).as("a warm-up on the baseline first, not compared").containsExactly(
                dir.resolve("out/warm-up/smoke"), dir.resolve("out/baseline/smoke"), dir.resolve("out/candidate/smoke"));
        assertThat(runs).extracting(Call::seed).containsOnly(77L);
        assertThat(expectedFirmware(runs.get(0).rig(), "fpga1")).isEqualTo("1.4.0");
        assertThat(expectedFirmware(runs.get(1).rig(), "fpga1")).isEqualTo("1.4.0");
        assertThat(expectedFirmware(runs.get(2).rig(), "fpga1")).isEqualTo("1.5.0");
        assertThat(expectedFirmware(runs.get(2).rig(), "ipsec1")).as("not flashed: as the rig file says").isEqualTo("2.1.7");
        assertThat(runs.get(2).rig().allow()).as("allow-list untouched").isEqualTo(RigLoader.load(RIG).allow());
        assertThat(nvmOf(runs.get(1).rig(), "fpga1")).isEqualTo(dir.resolve("out/nvm/baseline/fpga1").toAbsolutePath());
        assertThat(nvmOf(runs.get(2).rig(), "fpga1")).isEqualTo(dir.resolve("out/nvm/candidate/fpga1").toAbsolutePath());
        assertThat(devices.flashed).containsExactly("fpga1 1.4.0", "fpga1 1.5.0");

        Comparison c = r.comparison();
        assertThat(c.decision()).isEqualTo(Decision.GO);
        assertThat(c.seed()).isEqualTo(77);
        assertThat(c.plans().get(0).candidateReport()).isEqualTo("candidate/smoke/report.html");
        assertThat(ComparisonJsonWriter.read(dir.resolve("out/comparison.json"))).isEqualTo(c);
        assertThat(dir.resolve("out/comparison.html")).isRegularFile();
    }

    @Test
    void anImageNoDeviceTakesIsAnErrorNamingItsTargetAndTheRigsDevicesBeforeAnythingIsFlashed() throws Exception {
        write("other.img", FpgaImages.forTarget(new ImageTarget(0x10ee, 0x7021, 0, 0), "3.0.0"));

        assertThatThrownBy(() -> validation().validate(options("other.img", 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("other.img: no device of rig emulated takes its target 10ee:7021 rev 0x00..0x00")
                .hasMessageContaining("fpga1 1172:e001 rev 0x01, ipsec1 8086:1229 rev 0x08, plain1 8086:1229 rev 0x08");
        assertThat(devices.flashed).isEmpty();
        assertThat(runs).isEmpty();
    }

    @Test
    void aCandidateTheDeviceRefusesIsNotRunAndIsANoGoWithTheDevicesReason() throws Exception {
        devices.refuse = "1.5.0";

        Comparison c = validation().validate(options("cand.img", 5)).comparison();

        assertThat(runs).extracting(Call::out).containsExactly(dir.resolve("out/warm-up/smoke"), dir.resolve("out/baseline/smoke"));
        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.reasons()).containsExactly("the candidate 1.5.0 could not be validated: fpga1 REFUSED:"
                + " FW_BAD_SIGNATURE: not signed by the trusted key");
        assertThat(c.candidate().flashes()).extracting(FlashRow::status).containsExactly(FlashRow.Status.REFUSED);
    }

    @Test
    void aBaselineTheDeviceRefusesIsAnErrorNotAVerdict() throws Exception {
        devices.refuse = "1.4.0";

        Comparison c = validation().validate(options("cand.img", 5)).comparison();

        assertThat(c.decision()).isEqualTo(Decision.ERROR);
        assertThat(c.reasons()).singleElement().asString().startsWith("the baseline 1.4.0 could not be validated");
        assertThat(runs).as("no candidate runs without a baseline to compare with").isEmpty();
        assertThat(devices.flashed).isEmpty();
        assertThat(c.candidate().failure()).isEqualTo("not flashed: the baseline could not be validated");
    }

    @Test
    void aVersionOutsideTheAllowListIsSaidAndTheListIsNotWidened() throws Exception {
        write("new.img", FpgaImages.unsigned("2.0.0", 2, List.of()));

        Comparison c = validation().validate(options("new.img", 5)).comparison();

        assertThat(c.warnings()).contains("fpga1 at 2.0.0 is outside the rig's allow-list (fpga-aes allows"
                + " 1.0.0..1.9.0): admission will refuse it; the allow-list was not widened");
        assertThat(c.candidate().image().notes()).hasSize(1);
        assertThat(runs.get(2).rig().allow()).isEqualTo(RigLoader.load(RIG).allow());
    }

    @Test
    void anOutputFolderHoldingAPreviousValidationIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/comparison.json"), "{}");

        assertThatThrownBy(() -> validation().validate(options("cand.img", 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessage(dir.resolve("out") + ": holds a previous validation (comparison.json); give another --out");
        assertThat(devices.flashed).isEmpty();
    }

    @Test
    void aBadImageIsOneLineWithTheByteWhereItIsWrong() throws Exception {
        byte[] bytes = FpgaImages.unsigned("1.5.0", 2, List.of()).toBytes();
        bytes[4] = 9; // format version
        Files.write(dir.resolve("bad.img"), bytes);

        assertThatThrownBy(() -> validation().validate(options("bad.img", 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessage(dir.resolve("bad.img") + ": bad firmware image at byte 4: format version 9 (this reader knows 1)");
    }

    private FirmwareValidation validation() {
        return new FirmwareValidation(devices, this::run);
    }

    private ValidationOptions options(String candidate, long seed) {
        return new ValidationOptions(RIG, dir.resolve("base.img"), dir.resolve(candidate), List.of(SMOKE),
                OptionalLong.of(seed), dir.resolve("out"), ComparisonSettings.DEFAULT, ValidationListener.NONE);
    }

    private RunResult run(RunOptions o, Plan plan, Rig rig) {
        runs.add(new Call(o.outDir(), o.seed().getAsLong(), rig, plan.name()));
        Instant t0 = Instant.parse("2025-06-01T10:00:00Z");
        RunReport report = RunReport.builder(new RunInfo(plan.name(), rig.name(), o.seed().getAsLong(), "test"), t0)
                .finished(RunVerdict.PASS, "all 0 steps passed", t0.plusSeconds(1), Duration.ofSeconds(1)).build();
        return new RunResult(report, null, o.outDir(), o.seed().getAsLong());
    }

    private void write(String name, FirmwareImage image) throws Exception {
        Files.write(dir.resolve(name), image.toBytes());
    }

    /** The nvm= directory the device's transport URI names. */
    private static Path nvmOf(Rig rig, String device) {
        String uri = rig.device(device).orElseThrow().transport();
        return Path.of(uri.replaceAll(".*[?&]nvm=([^&]*).*", "$1"));
    }

    private static String expectedFirmware(Rig rig, String device) {
        return rig.device(device).flatMap(RigDevice::expect).flatMap(ExpectedIdentity::firmware)
                .map(FirmwareVersion::toString).orElse("none");
    }

    /** The emulated rig's three devices at factory identity; flashing succeeds unless the version is {@link #refuse}. */
    private static final class FakeDevices implements RigDevices {
        final List<String> flashed = new ArrayList<>();
        String refuse = "";

        @Override
        public Map<String, IdentifyReply> identify(Rig rig) {
            Map<String, IdentifyReply> out = new LinkedHashMap<>();
            out.put("fpga1", id(0x1172, 0xE001, 0x01, "1.4.0"));
            out.put("ipsec1", id(0x8086, 0x1229, 0x08, "2.1.7"));
            out.put("plain1", id(0x8086, 0x1229, 0x08, "2.1.7"));
            return out;
        }

        @Override
        public FlashRow flash(Rig rig, String device, byte[] image) {
            String version;
            try {
                version = FirmwareImage.parse(image).manifest().version().toString();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            if (version.equals(refuse)) {
                return new FlashRow(device, FlashRow.Status.REFUSED, "1.4.0", "FW_BAD_SIGNATURE: not signed by the trusted key");
            }
            flashed.add(device + " " + version);
            return new FlashRow(device, FlashRow.Status.FLASHED, version, "");
        }

        private static IdentifyReply id(int vendor, int device, int revision, String firmware) {
            return new IdentifyReply(new PciIdentity(vendor, device, revision, 0x8086, 0x0071), MacAddress.parse("02:00:00:00:00:01"),
                    FirmwareVersion.parse(firmware), true, 1000, Capabilities.NONE);
        }
    }
}
