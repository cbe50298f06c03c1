package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad arguments: exit 2, one line that says what and where to read more, never a stack trace. */
class UsageTest {

    private static void assertOneLineNoTrace(Cli.Result r) {
        assertThat(r.err().lines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownOptionOfACommandIsOneLineWithExit2() {
        Cli.Result r = Cli.run("run", "--bogus", "plan.yaml");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertOneLineNoTrace(r);
        assertThat(r.err()).isEqualTo("nicrig run: Unknown option: '--bogus' (see nicrig run --help)\n");
    }

    @Test
    void misspeltOptionGetsASuggestion() {
        Cli.Result r = Cli.run("run", "--sed", "7", "plan.yaml");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertOneLineNoTrace(r);
        assertThat(r.err()).contains("'--sed'").contains("did you mean --seed?");
    }

    @Test
    void missingPlanIsOneLineWithExit2() {
        Cli.Result r = Cli.run("run");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertOneLineNoTrace(r);
        assertThat(r.err()).contains("Missing required parameter: 'PLAN'");
    }

    @Test
    void seedThatIsNotANumberIsAUsageError() {
        Cli.Result r = Cli.run("run", "--seed", "seven", "plan.yaml");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertOneLineNoTrace(r);
        assertThat(r.err()).contains("--seed").contains("'seven'");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("runn", "plan.yaml");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertOneLineNoTrace(r);
        assertThat(r.err()).startsWith("nicrig: ").contains("'runn'").contains("did you mean run?");
    }

    @Test
    void noCommandPrintsTheUsageAsAnError() {
        Cli.Result r = Cli.run();
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("nicrig: missing command\n").contains("Usage: nicrig");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpListsEveryCommandAndTheExitStatuses() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: nicrig").contains("run ").contains("validate ").contains("probe ")
                .contains("ports ").contains("emulate ").contains("Exit status: 0 all passed");
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        for (String command : new String[] {"run", "validate", "probe", "ports"}) {
            Cli.Result help = Cli.run(command, "--help");
            assertThat(help.status()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: nicrig " + command).contains("Exit status:");
            Cli.Result version = Cli.run(command, "--version");
            assertThat(version.out()).as(command).startsWith("nicrig " + Version.text() + "\n");
        }
    }

    @Test
    void versionIsDevWhenRunFromClasses() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.status()).isZero();
        // tests run from target/classes, which has no manifest
        assertThat(r.out()).startsWith("nicrig dev\n");
    }
}
