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

/** --nvm-dir: what one command flashes or writes, the next command finds (each command powers the device on anew). */
class NvmDirCommandsTest {
    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--rig", DeviceTargetTest.RIG, "--device", "fpga1", "--nvm-dir", dir.resolve("nvm").toString()));
        return Cli.run(Seams.PRODUCTION.withTerminal(false), all.toArray(String[]::new));
    }

    private Path image(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void aFlashedFirmwareIsWhatTheNextCommandFinds() throws IOException {
        Cli.Result flash = run("fw", "flash", image("fw.img", TestImages.signed(TestImages.fpga("1.5.0", 1))).toString());
        assertThat(flash.status()).as(flash.toString()).isZero();
        assertThat(flash.out()).doesNotContain("note:").contains("ACTIVATED 1.4.0 \u2192 1.5.0");
        assertThat(Files.isDirectory(dir.resolve("nvm").resolve("fpga1"))).isTrue();

        Cli.Result read = run("eeprom", "read");
        assertThat(read.status()).as(read.toString()).isZero();
        assertThat(read.out().lines().findFirst().orElseThrow()).endsWith(", firmware 1.5.0")
                .contains("&nvm=" + dir.resolve("nvm").resolve("fpga1").toAbsolutePath());
        // without --nvm-dir the device is the factory's again
        Cli.Result fresh = Cli.run("eeprom", "check", "--rig", DeviceTargetTest.RIG, "--device", "fpga1");
        assertThat(fresh.out().lines().findFirst().orElseThrow()).endsWith(", firmware 1.4.0");
    }

    @Test
    void probeAndRunFindTheFlashedFirmwareToo() throws IOException {
        assertThat(run("fw", "flash", image("fw.img", TestImages.signed(TestImages.fpga("1.5.0", 1))).toString()).status())
                .isZero();
        String nvm = dir.resolve("nvm").toString();
        Cli.Result probe = Cli.run("probe", DeviceTargetTest.RIG, "--seed", "1", "--nvm-dir", nvm);
        // the rig expects fpga1 at 1.4.0: with the flashed memory it reports 1.5.0 and is held to the rig's word
        assertThat(probe.out()).containsPattern("fpga1 .* 1\\.5\\.0 ").contains("firmware 1.5.0, not 1.4.0");
        assertThat(Cli.run("probe", DeviceTargetTest.RIG, "--seed", "1").out()).doesNotContain("1.5.0");

        Cli.Result planRun = Cli.run(Seams.PRODUCTION.withTerminal(false), "run", "../test-plans/smoke.yaml",
                "--rig", DeviceTargetTest.RIG, "--nvm-dir", nvm, "--out", dir.resolve("out").toString());
        // a run admits by the allow-list (1.0.0..1.9.0), so the flashed fpga1 joins the team; the run's own verdict
        // (latency limits on a loaded machine) is not this test's business, only that it ran
        assertThat(planRun.status()).as(planRun.toString()).isNotEqualTo(ExitCode.USAGE);
        assertThat(Files.readString(dir.resolve("out").resolve("journal.jsonl")))
                .containsPattern("\"type\":\"admission\"[^\\n]*\"member\":\"fpga1\",\"identity\":\"[^\"]*firmware 1\\.5\\.0");
    }

    @Test
    void theRollbackFloorOutlivesTheCommandThatRaisedIt() throws IOException {
        assertThat(run("fw", "flash", image("1.6.0.img", TestImages.signed(TestImages.fpga("1.6.0", 5))).toString()).status())
                .isZero();
        Cli.Result older = run("fw", "flash", image("1.5.0.img", TestImages.signed(TestImages.fpga("1.5.0", 2))).toString());
        assertThat(older.status()).as(older.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(older.err()).startsWith("nicrig: fpga1: device refused the image at FW_CHUNK at offset 0: FW_ROLLBACK (")
                .contains("below this device's floor of 5");
        assertThat(run("reg", "read", "0").out()).startsWith("fpga1: register");
        assertThat(run("eeprom", "check").out().lines().findFirst().orElseThrow()).endsWith(", firmware 1.6.0");
    }

    @Test
    void aBrokenChecksumIsFoundByTheNextCheckAndFixedByTheNextWrite() {
        Cli.Result broke = run("eeprom", "write", "--raw", "63=0");
        assertThat(broke.status()).as(broke.toString()).isZero();

        Cli.Result check = run("eeprom", "check");
        assertThat(check.status()).as(check.toString()).isEqualTo(ExitCode.FAILED);
        // words 0..62 of fpga1 sum to 0x81F9 (EepromCommandTest), so word 63 must be 0xBABA - 0x81F9 = 0x38C1
        assertThat(check.out()).endsWith("checksum (word 0x3f): 0x0000, the 64 words sum to 0x81f9, not 0xbaba: "
                + "WRONG (word 63 = 0x38c1 would fix it)\n");

        Cli.Result mac = run("eeprom", "write", "--mac", "02:00:00:00:00:42");
        assertThat(mac.status()).as(mac.toString()).isZero();
        assertThat(mac.out()).contains("word 0x3f: 0x0000 -> 0xf7c1 (checksum)").contains("device reports its EEPROM checksum ok");

        Cli.Result again = run("eeprom", "check");
        assertThat(again.status()).as(again.toString()).isZero();
        Cli.Result read = run("eeprom", "read", "--words", "0..2");
        assertThat(read.out()).contains("0x00 0002 0000 4200\n").contains("(words 0x00-0x02): 02:00:00:00:00:42\n");
    }

    @Test
    void aFlashOverASerialPtyToAnEmulatorProcessIsSeenByAnInProcessDeviceOnTheSameMemory() throws IOException {
        Path nvm = dir.resolve("shared");
        Path img = image("fw.img", TestImages.signed(TestImages.fpga("1.5.0", 1)));
        // fpga-emu in a process of its own, reached through socat's pty and jSerialComm
        Cli.Result flash = Cli.run(Seams.PRODUCTION.withTerminal(false), "fw", "flash", img.toString(),
                "--transport", "pty-emulator:fpga-aes?mac=02:00:00:00:00:07", "--nvm-dir", nvm.toString());
        assertThat(flash.status()).as(flash.toString()).isZero();
        assertThat(flash.out()).contains("ACTIVATED 1.4.0 \u2192 1.5.0");
        // --transport names the device after its profile: both find their memory in nvm/fpga-aes
        Cli.Result check = Cli.run("eeprom", "check", "--transport", "emulated:fpga-aes?mac=02:00:00:00:00:07",
                "--nvm-dir", nvm.toString());
        assertThat(check.status()).as(check.toString()).isZero();
        assertThat(check.out().lines().findFirst().orElseThrow()).startsWith("fpga-aes (").endsWith(", firmware 1.5.0");
    }
}
