package org.nicrig.host.team.distribution.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.host.team.distribution.simulation.Teams.config;
import static org.nicrig.host.team.distribution.simulation.Teams.mixed8;
import static org.nicrig.host.team.distribution.simulation.Teams.ms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nicrig.host.team.distribution.MemberLoad;
import org.nicrig.host.team.distribution.PrimaryOnlyDistributor;
import org.nicrig.host.team.distribution.Role;
import org.nicrig.host.team.distribution.RoundRobinDistributor;
import org.nicrig.host.team.distribution.WorkloadDistributor;
import org.nicrig.protocol.message.FaultKind;

class DistributionSimulatorTest {

    @ParameterizedTest
    @EnumSource(TeamMode.class)
    void workloadUsesAtLeast95PercentOfTheCapacityWithoutFailure(TeamMode mode) {
        SimulationResult r = DistributionSimulator.run(config(mode, mixed8()).build(), new WorkloadDistributor());
        assertThat(r.efficiency()).as("%s", r).isGreaterThanOrEqualTo(0.95).isLessThanOrEqualTo(1.0);
        assertThat(r.jobsFailed()).isZero();
        assertThat(r.redispatched()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TeamMode.class)
    void workloadUsesAtLeast90PercentWithTheFastestEngineFailingHalfWay(TeamMode mode) {
        SimulationConfig failing = config(mode, mixed8())
                .events(List.of(new TeamEvent.Fault(ms(10), "m1", FaultKind.ENGINE_FAIL))).build();
        SimulationResult r = DistributionSimulator.run(failing, new WorkloadDistributor());
        SimulationResult healthy = DistributionSimulator.run(config(mode, mixed8()).build(), new WorkloadDistributor());
        assertThat(r.efficiency()).as("%s", r).isGreaterThanOrEqualTo(0.90);
        assertThat(r.redispatched()).as("the failure took jobs with it").isPositive();
        // m1 is 125 of the team's 429.5 MB/s; it is missing for half the run
        assertThat(r.availableCapacity()).isLessThan(healthy.availableCapacity() * 0.9);
    }

    @ParameterizedTest
    @EnumSource(TeamMode.class)
    void roundRobinFallsBehindWithMixedRatesButNotWithEqualOnes(TeamMode mode) {
        SimulationConfig mixed = config(mode, mixed8()).build();
        double workload = DistributionSimulator.run(mixed, new WorkloadDistributor()).efficiency();
        double roundRobin = DistributionSimulator.run(mixed, new RoundRobinDistributor()).efficiency();
        assertThat(workload - roundRobin).as("workload %.3f vs round-robin %.3f", workload, roundRobin)
                .isGreaterThan(0.3);

        SimulationConfig equal = config(mode, Teams.equal(8, 25 * Teams.MB)).teamTrafficLoad(0).build();
        assertThat(DistributionSimulator.run(equal, new RoundRobinDistributor()).efficiency()).isGreaterThan(0.85);
    }

    @Test
    void primaryOnlyGetsNoMoreThanThePrimarysSpareRate() {
        SimulationConfig aft = config(TeamMode.AFT, mixed8()).build();
        Map<String, Long> bytesByMember = new HashMap<>();
        SimulationResult r = DistributionSimulator.run(aft, new PrimaryOnlyDistributor(), new SimulationListener() {
            @Override
            public void dispatched(Duration at, long jobId, int bytes, String memberId, int attempt) {
                bytesByMember.merge(memberId, (long) bytes, Long::sum);
            }
        });
        assertThat(bytesByMember).containsOnlyKeys("m0");
        double primarySpare = 62_500_000 * 0.6;
        assertThat(r.achievedThroughput()).isLessThanOrEqualTo(primarySpare).isGreaterThan(0.95 * primarySpare);
    }

    @Test
    void aMemberWhoseLinkFailsKeepsServingWithItsEngine() {
        Duration linkDown = ms(5);
        SimulationConfig config = config(TeamMode.AFT, mixed8())
                .events(List.of(new TeamEvent.Fault(linkDown, "m1", FaultKind.LINK_DOWN))).build();
        long[] afterwards = new long[1];
        DistributionSimulator.run(config, new WorkloadDistributor(), new SimulationListener() {
            @Override
            public void completed(Duration at, long jobId, int bytes, String memberId) {
                if (memberId.equals("m1") && at.compareTo(linkDown) > 0) {
                    afterwards[0] += bytes;
                }
            }
        });
        // 15 ms at 125 MB/s is 1.875 MB; it keeps (nearly) all of that
        assertThat(afterwards[0]).isGreaterThan((long) (0.9 * 125e6 * 0.015));
    }

    @Test
    void aftFailsOverOnThePrimarysLinkAndTheTeamTrafficMovesWithIt() {
        SimulationConfig config = config(TeamMode.AFT, mixed8())
                .events(List.of(new TeamEvent.Fault(ms(5), "m0", FaultKind.LINK_DOWN))).build();
        List<List<MemberLoad>> snapshots = new ArrayList<>();
        long[] toOldPrimary = new long[1];
        DistributionSimulator.run(config, new WorkloadDistributor(), new SimulationListener() {
            @Override
            public void teamChanged(Duration at, List<MemberLoad> members) {
                snapshots.add(List.copyOf(members));
            }

            @Override
            public void dispatched(Duration at, long jobId, int bytes, String memberId, int attempt) {
                toOldPrimary[0] += at.compareTo(ms(5)) > 0 && memberId.equals("m0") ? bytes : 0;
            }
        });
        assertThat(snapshots).hasSize(2);
        MemberLoad oldPrimary = snapshots.get(1).get(0);
        MemberLoad newPrimary = snapshots.get(1).get(1);
        assertThat(oldPrimary.role()).isEqualTo(Role.STANDBY);
        assertThat(oldPrimary.teamTrafficLoad()).isZero();
        assertThat(newPrimary.role()).isEqualTo(Role.PRIMARY);
        assertThat(newPrimary.teamTrafficLoad()).isEqualTo(25_000_000); // 40% of m0's 62.5 MB/s
        assertThat(toOldPrimary[0]).as("the old primary's engine still serves").isPositive();
    }

    @Test
    void aFailedEngineGetsNoJobsUntilRestoredAndItsJobsAreDispatchedAgain() {
        SimulationConfig config = config(TeamMode.ALB, mixed8()).events(List.of(
                new TeamEvent.Fault(ms(5), "m1", FaultKind.ENGINE_FAIL),
                new TeamEvent.Fault(ms(12), "m1", FaultKind.ENGINE_RESTORE))).build();
        List<Duration> toM1 = new ArrayList<>();
        int[] second = new int[1];
        SimulationResult r = DistributionSimulator.run(config, new WorkloadDistributor(), new SimulationListener() {
            @Override
            public void dispatched(Duration at, long jobId, int bytes, String memberId, int attempt) {
                if (memberId.equals("m1")) {
                    toM1.add(at);
                }
                second[0] += attempt == 2 ? 1 : 0;
            }
        });
        assertThat(toM1).noneMatch(t -> t.compareTo(ms(5)) >= 0 && t.compareTo(ms(12)) < 0);
        assertThat(toM1).anyMatch(t -> t.compareTo(ms(12)) >= 0);
        assertThat(r.redispatched()).isPositive().isEqualTo(second[0]);
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnotherOne() {
        SimulationConfig config = config(TeamMode.AFT, mixed8()).events(List.of(
                new TeamEvent.Fault(ms(4), "m5", FaultKind.ENGINE_FAIL),
                new TeamEvent.Fault(ms(6), "m2", FaultKind.LINK_DOWN))).build();
        Trace first = new Trace();
        Trace second = new Trace();
        Trace other = new Trace();
        SimulationResult a = DistributionSimulator.run(config, new WorkloadDistributor(), first);
        SimulationResult b = DistributionSimulator.run(config, new WorkloadDistributor(), second);
        SimulationResult c = DistributionSimulator.run(config.toBuilder().seed(8).build(), new WorkloadDistributor(), other);
        assertThat(b).isEqualTo(a);
        assertThat(second.lines).isEqualTo(first.lines);
        assertThat(first.lines).hasSizeGreaterThan(1000);
        assertThat(other.lines).isNotEqualTo(first.lines);
        assertThat(c).isNotEqualTo(a);
    }

    /** Every dispatch and completion, in order, with its virtual time. */
    private static final class Trace implements SimulationListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void dispatched(Duration at, long jobId, int bytes, String memberId, int attempt) {
            lines.add(at.toNanos() + " D " + jobId + " " + bytes + " " + memberId + " " + attempt);
        }

        @Override
        public void completed(Duration at, long jobId, int bytes, String memberId) {
            lines.add(at.toNanos() + " C " + jobId + " " + memberId);
        }
    }
}
