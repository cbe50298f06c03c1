package org.nicrig.host.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.config.ConfigException;
import org.nicrig.host.rig.Fig4Mode;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigLoader;
import org.nicrig.host.rig.TeamMode;
import org.nicrig.protocol.message.FaultKind;

class PlanLoaderTest {
    static final Path PLANS = Path.of("..", "test-plans");
    static final Path EMULATED = Path.of("..", "rigs", "emulated.yaml").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aftFailoverAsTheRunnerSeesIt() throws Exception {
        Plan plan = PlanLoader.load(PLANS.resolve("aft-failover.yaml"));
        assertThat(plan.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(plan.seed()).hasValue(2);
        assertThat(plan.team()).isEqualTo(new TeamOverrides(Optional.of(TeamMode.AFT), Optional.of("plain1"),
                Optional.of(org.nicrig.host.rig.PrimaryReselect.ALWAYS), Optional.empty()));
        Step.Parallel group = (Step.Parallel) plan.steps().get(0);
        assertThat(group.name()).isEqualTo("link-down-under-load");
        assertThat(group.timeout()).isEqualTo(plan.timeout()); // inherited
        assertThat(group.steps().get(0)).isEqualTo(new Step.Traffic("load-1", plan.timeout(), 4, new Sizes.Imix(),
                new Load.Rate(1000, Duration.ofSeconds(6)), TrafficDirection.BOTH, Optional.of("aes-out"),
                Optional.of("aes-in"), Optional.empty()));
        assertThat(group.steps().get(1)).isEqualTo(new Step.Fault("primary-link-down", plan.timeout(), FaultKind.LINK_DOWN,
                "plain1", new Trigger.At(Duration.ofSeconds(2)), Duration.ZERO, 0));
        Step.Fault stall = (Step.Fault) plan.step("primary-stalls").orElseThrow();
        assertThat(stall.duration()).isEqualTo(Duration.ofSeconds(3));
        Step.Expect expect = (Step.Expect) plan.step("failed-over-on-link-down").orElseThrow();
        assertThat(expect.expectations().get(0)).isEqualTo(new Expectation.Measured(Measure.FAILOVER_GAP, Optional.empty(),
                Optional.of("link-down-under-load"), new Limit.AtMost(400, 250)));
    }

    @Test
    void planTeamSettingsOverrideTheRigs() throws Exception {
        Rig rig = RigLoader.load(EMULATED);
        Plan plan = PlanLoader.load(PLANS.resolve("fig4-direct-mac.yaml"));
        assertThat(plan.team().applyTo(rig.team()).fig4()).isEqualTo(Fig4Mode.DIRECT_MAC);
        assertThat(rig.team().fig4()).isEqualTo(Fig4Mode.RETURN);
        assertThat(PlanLoader.load(PLANS.resolve("alb-balance.yaml")).team().applyTo(rig.team()).mode()).isEqualTo(TeamMode.ALB);
        assertThat(TeamOverrides.NONE.applyTo(rig.team())).isEqualTo(rig.team());
    }

    @Test
    void hotSwapAndRefusal() throws Exception {
        Plan plan = PlanLoader.load(PLANS.resolve("hot-swap.yaml"));
        Step.HotSwap add = (Step.HotSwap) plan.step("add-fpga2").orElseThrow();
        assertThat(add.trigger()).isEqualTo(new Trigger.At(Duration.ofSeconds(1)));
        assertThat(add.remove()).isEmpty();
        assertThat(add.add()).contains(new NewMember("fpga2", "emulated:fpga-aes?mac=02:00:00:00:00:04&seed=4"));
        Step.Expect refused = (Step.Expect) plan.step("old-82559-refused").orElseThrow();
        assertThat(refused.expectations().get(0)).isEqualTo(new Expectation.MemberRefused("plain2", Optional.of("allow-list")));
    }

    @Test
    void conformanceProbesEverySa() throws Exception {
        Plan plan = PlanLoader.load(PLANS.resolve("conformance.yaml"));
        List<Step.Probe> probes = plan.allSteps().stream().filter(Step.Probe.class::isInstance).map(Step.Probe.class::cast).toList();
        assertThat(probes.stream().filter(p -> p.probe() == ProbeKind.KNOWN_ANSWER).map(Step.Probe::sa))
                .containsExactlyInAnyOrder("aes-out", "aes-in", "3des-out", "3des-in");
        assertThat(probes).extracting(Step.Probe::probe).contains(ProbeKind.values());
        assertThat(plan.step("reset-fpga1").orElseThrow()).isEqualTo(new Step.Probe("reset-fpga1", plan.timeout(),
                ProbeKind.RESET_CLEARS, "aes-out", 8, Optional.of("fpga1")));
    }

    @Test
    void namesAreCheckedAgainstTheRigTheRunnerGives() throws Exception {
        Rig bench = RigLoader.load(Path.of("..", "rigs", "bench-example.yaml"));
        assertThat(PlanLoader.load(PLANS.resolve("smoke.yaml"), bench).name()).isEqualTo("smoke");
        Path plan = write("p.yaml", """
                name: p
                timeout: 1m
                steps:
                  - {type: fault, name: f, fault: RESET, member: fpga9}
                """);
        assertThat(PlanLoader.load(plan).steps()).hasSize(1); // no rig: names are checked when it runs
        assertThatThrownBy(() -> PlanLoader.load(plan, bench)).isInstanceOfSatisfying(ConfigErrors.class, e ->
                assertThat(e.getMessage()).isEqualTo(plan + ":4:50: steps[0].member: unknown member 'fpga9' (did you mean fpga1?)"));
    }

    @Test
    void faultsWaitingOnEachOtherInARing() throws IOException {
        assertThat(errors("""
                  - type: parallel
                    name: g
                    steps:
                      - {type: fault, name: a, fault: LINK_DOWN, member: fpga1, after: b}
                      - {type: fault, name: b, fault: LINK_UP, member: fpga1, after: a}
                """)).containsExactly(
                ":8:72: steps[0].steps[0].after: steps wait for each other in a ring: a -> b -> a");
    }

    @Test
    void whatAStepMayWaitForAndMeasure() throws IOException {
        assertThat(errors("""
                  - type: parallel
                    name: g
                    steps:
                      - {type: fault, name: a, fault: LINK_DOWN, member: fpga1, after: g}
                      - {type: fault, name: b, fault: LINK_DOWN, member: fpga1, after: b}
                      - {type: fault, name: c, fault: LINK_DOWN, member: fpga1, at: 2m}
                      - {type: expect, name: e, expectations: [{measure: lost_packets, step: a, equals: 0}]}
                """)).containsExactly(
                ":8:72: steps[0].steps[0].after: 'g' is the parallel group this step belongs to: it cannot finish before this step does",
                ":9:72: steps[0].steps[1].after: a step cannot wait for itself",
                ":10:69: steps[0].steps[2].at: at 2m is not before group 'g''s timeout 1m",
                ":11:78: steps[0].steps[3].expectations[0].step: step 'a' has not finished when expect step 'e' runs");
    }

    @Test
    void trafficShapes() throws IOException {
        assertThat(errors("""
                  - {type: traffic, name: a, direction: both, sa: aes-out, sizes: imix, count: 1}
                  - {type: traffic, name: b, direction: outbound, sa: [aes-out, aes-in], sizes: imix, count: 1}
                  - {type: traffic, name: c, direction: outbound, sa: aes-out, sizes: [20], count: 1, rate: 5}
                  - {type: traffic, name: d, direction: both, sa: [aes-in, aes-out], sizes: jumbo, rate: 5, duration: 2m}
                """)).containsExactly(
                ":5:51: steps[0].sa: direction both needs sa: [OUTBOUND-SA, INBOUND-SA]",
                ":6:55: steps[1].sa: direction outbound takes one SA name; a pair is for direction both",
                ":7:5: steps[2]: give count, or rate (packets per second) with duration, not both",
                ":7:72: steps[2].sizes[0]: expected a whole number from 28 to 9000, found 20",
                ":8:52: steps[3].sa[0]: SA 'aes-in' is inbound; the first SA of a pair needs an outbound SA",
                ":8:60: steps[3].sa[1]: SA 'aes-out' is outbound; the second SA of a pair needs an inbound SA",
                ":8:77: steps[3].sizes: expected a list of sizes in bytes or 'imix', found 'jumbo'",
                ":8:103: steps[3].duration: traffic for 2m does not fit in its timeout 1m");
    }

    @Test
    void faultParametersAndHotSwapNames() throws IOException {
        assertThat(errors("""
                  - {type: fault, name: a, fault: GARBLE, member: fpga1}
                  - {type: fault, name: b, fault: RESET, member: fpga1, rate: 5, at: 1s, after: a}
                  - {type: hot-swap, name: c, add: {name: fpga1, transport: "emulated:fpga-aes?mac=02:00:00:00:00:09"}}
                  - {type: hot-swap, name: d}
                  - {type: probe, name: e, probe: replay, sa: aes-out, count: 5}
                  - {type: probe, name: f, probe: reset-clears, sa: aes-out, count: 5}
                """)).containsExactly(
                ":5:5: steps[0]: missing required key 'rate' (GARBLE's corruption rate in parts per million)",
                ":6:5: steps[1]: give at or after, not both",
                ":6:63: steps[1].rate: rate (parts per million) applies to GARBLE only",
                ":7:43: steps[2].add.name: 'fpga1' is already a device of rig emulated: a hot-swap adds a device under a new name",
                ":8:5: steps[3]: a hot-swap needs remove, add or both",
                ":9:47: steps[4].sa: SA 'aes-out' is outbound; a replay probe needs an inbound SA",
                ":10:5: steps[5]: missing required key 'member'");
    }

    @Test
    void pacedJobsMustFitInTheirTimeout() throws Exception {
        assertThat(errors("""
                  - {type: secondary, name: slow, sa: aes-out, jobs: 3000, sizes: imix, rate: 50}
                """)).containsExactly(
                ":5:79: steps[0].rate: 3000 jobs at 50 per second take 1m, which does not fit in its timeout 1m");
        Plan plan = PlanLoader.load(PLANS.resolve("hot-swap.yaml"));
        assertThat(plan.step("jobs-while-adding").orElseThrow()).isEqualTo(new Step.Secondary("jobs-while-adding",
                plan.timeout(), 30000, new Sizes.Imix(), "aes-out", java.util.OptionalLong.of(5000)));
    }

    @Test
    void expectationShapesAndUnits() throws IOException {
        assertThat(errors("""
                  - type: expect
                    name: e
                    expectations:
                      - {measure: lost_packets, counter: x, equals: 0}
                      - {measure: secondary_share, at-least: 0.2}
                      - {measure: failover_gap, member: fpga1, at-most: 1}
                      - {measure: verified_fraction, at-least: 1.5}
                      - {measure: throughput, at-least: 1, equals: 2}
                      - {measure: lost_packets}
                      - {measure: secondary_share, member: fpga1, in-range: [0.8, 0.2]}
                      - {counter: late_answers_dropped, unit: ms, equals: 0, marginal: 1}
                      - {member-refused: plain9}
                """)).containsExactly(
                ":8:9: steps[0].expectations[0]: an expectation needs exactly one of measure, counter or member-refused, found measure and counter",
                ":9:9: steps[0].expectations[1]: secondary_share is measured per member: give member",
                ":10:41: steps[0].expectations[2].member: failover_gap is measured for the whole team: member does not apply",
                ":11:48: steps[0].expectations[3].at-least: verified_fraction is in 1: a limit must be 0 to 1, found 1.5",
                ":12:9: steps[0].expectations[4]: give one limit: at-most, at-least (both together make a range), in-range or equals",
                ":13:9: steps[0].expectations[5]: missing a limit: give at-most, at-least, in-range or equals",
                ":14:61: steps[0].expectations[6].in-range: empty range: 0.8 is above 0.2",
                ":15:47: steps[0].expectations[7].unit: a counter is measured in count, not ms",
                ":15:72: steps[0].expectations[7].marginal: equals has no marginal band",
                ":16:26: steps[0].expectations[8].member-refused: unknown member 'plain9' (did you mean plain1?)");
    }

    @Test
    void aMissingRigAndABrokenRig() throws IOException {
        Path plan = write("p.yaml", "name: p\nrig: nowhere.yaml\ntimeout: 1m\nsteps: [{type: wait, name: w, duration: 1s}]\n");
        assertThat(messages(plan)).containsExactly(plan + ":2:6: rig: cannot load rig " + dir.resolve("nowhere.yaml")
                + ": cannot read the file: no such file");
        Path rig = write("r.yaml", "name: r\n");
        Path plan2 = write("p2.yaml", "name: p\nrig: r.yaml\ntimeout: 1m\nsteps: [{type: wait, name: w, duration: 1s}]\n");
        assertThat(messages(plan2)).containsExactly(
                rig + ":1:1: missing required key 'wire'",
                rig + ":1:1: missing required key 'peer'",
                rig + ":1:1: missing required key 'devices'",
                rig + ":1:1: missing required key 'allow'");
    }

    @Test
    void stepTimeoutsNestAndWaitsFitInThem() throws IOException {
        assertThat(errors("""
                  - type: parallel
                    name: g
                    timeout: 10s
                    steps:
                      - {type: wait, name: w1, duration: 5s, timeout: 20s}
                      - {type: wait, name: w2, duration: 10s}
                """)).containsExactly(
                ":9:55: steps[0].steps[0].timeout: timeout 20s is longer than group 'g''s timeout 10s",
                ":10:42: steps[0].steps[1].duration: a wait of 10s does not fit in its timeout 10s");
    }

    /** The errors of a plan with these steps against the emulated rig, without the file name. */
    private List<String> errors(String steps) throws IOException {
        Path plan = write("plan.yaml", "name: t\nrig: " + EMULATED + "\ntimeout: 1m\nsteps:\n" + steps);
        return messages(plan).stream().map(m -> m.substring(plan.toString().length())).toList();
    }

    private static List<String> messages(Path plan) {
        return Validator.validate(List.of(plan)).stream().map(ConfigException::getMessage).toList();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
