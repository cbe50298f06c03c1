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

    /**
     * The same plan with every device an fpga-emu process of its own on a socat pty, the wire a UDP
     * hub: real serial ports, real processes. Everything verified, nothing lost, nothing left running.
     * (Latency over ptys is not what this checks, so the plan's latency limit is not asserted.)
     */
    @org.junit.jupiter.api.Test
    void smokeRunsWithEveryDeviceItsOwnProcessOnAPty() throws Exception {
        java.util.Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        RunResult r = Runner.run(new RunOptions(Path.of("../test-plans/smoke.yaml"), Optional.of(Path.of("../rigs/emulated-pty.yaml")),
                OptionalLong.empty(), out.resolve("pty"), false, ProgressListener.NONE));
        assertThat(r.report().admissions()).hasSize(3).allSatisfy(a -> assertThat(a.admitted()).isTrue());
        assertThat(r.report().measurements()).filteredOn(m -> !m.name().startsWith("latency"))
                .allSatisfy(m -> assertThat(m.outcome().name()).as(m.name()).isEqualTo("PASS"));
        assertThat(r.report().steps()).filteredOn(s -> !s.type().equals("expect"))
                .allSatisfy(s -> assertThat(s.outcome().name()).as(s.name()).isEqualTo("PASS"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.current().descendants().anyMatch(p -> !before.contains(p.pid()) && p.isAlive())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid())))
                .as("emulators and socat are gone after the run").isEmpty();
    }
}
