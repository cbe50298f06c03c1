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
}
