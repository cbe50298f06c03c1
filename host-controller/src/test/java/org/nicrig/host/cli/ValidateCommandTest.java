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
