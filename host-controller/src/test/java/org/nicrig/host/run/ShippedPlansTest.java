package org.nicrig.host.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nicrig.host.report.RunVerdict;

/** Every shipped plan passes on the built-in emulated rig, end to end, with its reports written. */
class ShippedPlansTest {
    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"smoke", "aft-failover", "alb-balance", "fig4-return", "fig4-direct-mac", "fig5-receive", "secondary-use-distribution", "hot-swap", "failed-link-engine", "conformance"})
    void shippedPlanPassesOnTheEmulatedRig(String plan) throws Exception {
        RunResult r = Runner.run(new RunOptions(Path.of(plan.startsWith("/") ? plan : "../test-plans/" + plan + ".yaml"), Optional.empty(),
                OptionalLong.empty(), out.resolve("r" + Math.abs(plan.hashCode())), false, ProgressListener.NONE));
        String summary = r.report().steps().stream().map(s -> s.name() + " " + s.outcome() + " " + s.message())
                .collect(Collectors.joining("\n")) + "\n" + r.report().measurements().stream()
                .map(m -> m.name() + " = " + m.value() + " " + m.limitText() + " " + m.outcome()).collect(Collectors.joining("\n"));
        assertThat(r.report().verdict()).as(summary).isEqualTo(RunVerdict.PASS);
        assertThat(r.files().html()).exists();
        assertThat(Files.readString(r.files().junitXml())).contains("testcase");
    }
}
