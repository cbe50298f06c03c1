package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nicrig emulate is fpga-emu: every argument goes through as it is. */
class EmulateCommandTest {

    @Test
    void argumentsGoThroughInOrderOptionsIncluded() {
        List<String> seen = new ArrayList<>();
        Cli.Result r = Cli.run(Seams.PRODUCTION.withEmulator((args, out, err) -> {
            seen.addAll(List.of(args));
            return 0;
        }), "emulate", "--device", "fpga-aes@tcp:4001", "--speed=10", "-h", "x");
        assertThat(r.status()).isZero();
        assertThat(seen).containsExactly("--device", "fpga-aes@tcp:4001", "--speed=10", "-h", "x");
    }

    @Test
    void helpIsFpgaEmusHelp() {
        Cli.Result r = Cli.run("emulate", "--help");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("--device").contains("--serve-hub").contains("Profiles: ");
    }

    @Test
    void badArgumentsAreFpgaEmusUsageErrors() {
        Cli.Result r = Cli.run("emulate", "--bogus");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("fpga-emu: Unknown option: '--bogus'").doesNotContain("\tat ");
    }

    @Test
    void emulatorsExitStatusIsNicrigs() {
        Cli.Result r = Cli.run(Seams.PRODUCTION.withEmulator((args, out, err) -> 1), "emulate", "--device", "fpga-aes");
        assertThat(r.status()).isEqualTo(1);
    }
}
