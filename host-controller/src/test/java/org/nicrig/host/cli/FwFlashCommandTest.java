package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.testing.TestImages;

/** nicrig fw flash against emulated fpga1 of rigs/emulated.yaml (factory firmware 1.4.0). */
class FwFlashCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static Cli.Result flash(Seams seams, Path image, String... more) {
        List<String> args = new ArrayList<>(List.of("fw", "flash", image.toString(), "--rig", DeviceTargetTest.RIG,
                "--device", "fpga1"));
        args.addAll(Arrays.asList(more));
        return Cli.run(seams, args.toArray(String[]::new));
    }

    static Cli.Result flash(Path image, String... more) {
        return flash(Seams.PRODUCTION.withTerminal(false), image, more);
    }

    @Test
    void anImageForAnotherDeviceIsRefusedByTheHostBeforeAnythingIsSent() throws IOException {
        Path img = file("plain.img", TestImages.signed(TestImages.manifest(TestImages.I82559, "2.2.0", 1,
                org.nicrig.protocol.image.ImageCapabilities.NONE)));
        Cli.Result r = flash(img);
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).startsWith("note: fpga1 is an emulated device kept in memory: the flash is lost when nicrig exits "
                + "(--nvm-dir DIR keeps it)\n")
                .contains("device: fpga1 (emulated:fpga-aes?mac=02:00:00:00:00:01&seed=1): 1172:e001 rev 01, MAC 02:00:00:00:00:01, firmware 1.4.0\n")
                .contains("image:  " + img + " (").contains("firmware 2.2.0 for 8086:1229 rev 0x08..0x0c, rollback counter 1, signed by key ")
                .doesNotContain("flashing:");
        assertThat(r.err()).isEqualTo("nicrig: fpga1: image refused before flashing (host check): FW_WRONG_TARGET "
                + "(firmware 2.2.0 is for 8086:1229 rev 0x08..0x0c, this device is 1172:e001 rev 0x01); it keeps its old firmware\n");
    }

    @Test
    void aTruncatedImageIsRefusedByTheHostAsABadImage() throws IOException {
        byte[] good = TestImages.signed(TestImages.fpga("1.5.0", 1));
        Path img = file("cut.img", Arrays.copyOf(good, good.length - 100));
        Cli.Result r = flash(img);
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("not a valid image: bad firmware image at byte");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("nicrig: fpga1: image refused before flashing (host check): FW_BAD_IMAGE (bad firmware image at byte ");
    }

    @Test
    void aMissingImageFileIsAUsageError() {
        Cli.Result r = flash(dir.resolve("nope.img"));
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("nicrig: " + dir.resolve("nope.img") + ": no such file or directory\n");
    }

    @Test
    void aGoodImageIsActivatedWithProgressLinesAndExitZero() throws IOException {
        // 200 kB: thirteen chunks of the 16380 bytes a 16384-byte maxPayload leaves, so every tenth is passed
        Path img = file("fw-1.5.0.img", TestImages.signed(TestImages.fpga("1.5.0", 1), 200_000));
        Cli.Result r = flash(img);
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("flashing: ")).hasSize(11)
                .startsWith("flashing: 0% (0 of " + Files.size(img) + " bytes)")
                .endsWith("flashing: 100% (" + Files.size(img) + " of " + Files.size(img) + " bytes)");
        assertThat(lines.get(lines.size() - 2)).isEqualTo("ACTIVATED 1.4.0 \u2192 1.5.0");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("device: 1172:e001 rev 01, MAC 02:00:00:00:00:01, firmware 1.5.0");
    }

    @Test
    void onATerminalTheProgressIsOneBarClearedBeforeTheResult() throws IOException {
        Path img = file("fw-1.5.0.img", TestImages.signed(TestImages.fpga("1.5.0", 1)));
        Cli.Result r = flash(Seams.PRODUCTION.withTerminal(true), img);
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\r[##############################] 100%").doesNotContain("flashing: ")
                .contains("\rACTIVATED 1.4.0 \u2192 1.5.0\n");
    }

    @Test
    void withoutThePrecheckTheDeviceRefusesAnotherDevicesImageItself() throws IOException {
        Path img = file("plain.img", TestImages.signed(TestImages.manifest(TestImages.I82559, "2.2.0", 1,
                org.nicrig.protocol.image.ImageCapabilities.NONE)));
        Cli.Result r = flash(img, "--no-precheck");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).isEqualTo("nicrig: fpga1: device refused the image at FW_CHUNK at offset 0: FW_WRONG_TARGET "
                + "(firmware 2.2.0 is for 8086:1229 rev 0x08..0x0c, this device is 1172:e001 rev 0x01); it keeps its old firmware\n");
    }

    @Test
    void anUnsignedImageIsRefusedByTheDevice() throws IOException {
        Path img = file("unsigned.img", TestImages.unsigned(TestImages.fpga("1.5.0", 1)).toBytes());
        Cli.Result r = flash(img);
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains(", unsigned\n").contains("flashing: 100%");
        assertThat(r.err()).startsWith("nicrig: fpga1: device refused the image at FW_COMMIT: FW_BAD_SIGNATURE (the image is unsigned");
    }

    @Test
    void aFirmwareThatFailsItsBootSelfTestFallsBackAndExitsOne() throws IOException {
        Path img = file("bad-defect.img", TestImages.signed(TestImages.manifest(TestImages.FPGA_AES, "1.5.0", 1,
                TestImages.FPGA_CAPS, "NO_SUCH_DEFECT")));
        Cli.Result r = flash(img);
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("FELL_BACK: the device kept firmware 1.4.0, 1.5.0 did not boot (FW_BAD_IMAGE: ")
                .contains("NO_SUCH_DEFECT").endsWith("firmware 1.4.0\n");
    }
}
