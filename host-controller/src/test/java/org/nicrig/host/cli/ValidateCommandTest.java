package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** nicrig validate: 0 for good files, 2 with each error located. Paths are relative to host-controller/. */
class ValidateCommandTest {

    @Test
    void goodFilesExitZero() {
        Cli.Result r = Cli.run("validate", "../test-plans/smoke.yaml", "../rigs/emulated.yaml");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("2 files valid\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void brokenFileExitsTwoWithTheLocatedError() {
        String broken = "src/test/resources/broken/misspelt-fault.yaml";
        Cli.Result r = Cli.run("validate", "../test-plans/smoke.yaml", broken);
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo(
                broken + ":14:12: steps[1].fault: unknown fault 'LINK_DWN' (did you mean LINK_DOWN?)\n");
        assertThat(r.out()).isEqualTo("1 error in 1 of 2 files\n");
    }

    @Test
    void firmwareManifestsAreValidatedToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Cli.Result good = Cli.run("validate", "../firmware/examples/fpga-aes-1.4.0.yaml", "../firmware/examples/fpga-aes-1.5.1-iv-reuse.yaml");
        assertThat(good.status()).as(good.toString()).isZero();
        assertThat(good.out()).isEqualTo("2 files valid\n");

        java.nio.file.Path bad = dir.resolve("m.yaml");
        java.nio.file.Files.writeString(bad, String.join("\n",
                "target: {vendor: 0x1172, device: 0xe001, revision: 0x01..0x0f}",
                "version: 1.5.0",
                "rollback: 1",
                "capabilities: {engine: true, secondary-use: true, ciphers: [{cipher: aes-128-cbc, rate: 1MB/s}], integrities: [none]}",
                "model: {defects: [IV_REUS]}", ""));
        Cli.Result r = Cli.run("validate", bad.toString());
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith(bad + ":5:").contains("IV_REUS").contains("did you mean IV_REUSE?");
    }

    @Test
    void brokenRigIsLocatedToo() {
        String broken = "src/test/resources/broken/rig-bad-mac.yaml";
        Cli.Result r = Cli.run("validate", broken);
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith(broken + ":4:13: peer.mac: not a MAC address");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void noFilesIsAUsageError() {
        Cli.Result r = Cli.run("validate");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Missing required parameter: 'FILE'");
    }
}
