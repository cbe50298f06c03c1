package org.nicrig.host.team.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The {@link Distributor} contract over random snapshots, for every policy. jqwik prints the seed
 * and the shrunk snapshot of any failure.
 */
class DistributorContractTest {

    private static final double HORIZON_SECONDS = WorkloadDistributor.DEFAULT_QUEUE_HORIZON.toNanos() / 1e9;

    @Property
    void aDispatchAlwaysNamesAServingMemberWithACredit(@ForAll("snapshots") List<MemberLoad> team,
            @ForAll("jobs") int job, @ForAll @IntRange(min = 0, max = 2) int policy) {
        Distributor distributor = policy(policy);
        Decision d = distributor.choose(job, team);
        Statistics.collect(d.getClass().getSimpleName());
        if (d instanceof Decision.Dispatch dispatch) {
            MemberLoad chosen = byId(team, dispatch.memberId());
            assertThat(chosen.hasCredit()).as("credits of %s", chosen).isTrue();
            assertThat(chosen.engineHealthy()).as("engine of %s", chosen).isTrue();
            assertThat(chosen.availableRate()).as("rate left on %s", chosen).isPositive();
        }
        // the generator must exercise all three outcomes, or this property proves little
        Statistics.coverage(c -> {
            c.check("Dispatch").percentage(p -> p > 30);
            c.check("Wait").percentage(p -> p > 2);
            c.check("Reject").percentage(p -> p > 2);
        });
    }

    @Property
    void rejectExactlyWhenNoEngineCanServe(@ForAll("snapshots") List<MemberLoad> team, @ForAll("jobs") int job,
            @ForAll @IntRange(min = 0, max = 1) int policy) {
        // primary-only rejects more often by design; the two load-spreading policies reject only this
        boolean anyServes = team.stream().anyMatch(MemberLoad::canServe);
        assertThat(policy(policy).choose(job, team) instanceof Decision.Reject).isEqualTo(!anyServes);
    }

    @Property
    void workloadWaitsOnlyWhenNoServingEngineHasRoom(@ForAll("snapshots") List<MemberLoad> team,
            @ForAll("jobs") int job) {
        if (new WorkloadDistributor().choose(job, team) == Decision.WAIT) {
            assertThat(team).filteredOn(m -> candidate(m, job)).isEmpty();
        }
    }

    @Property
    void workloadChoosesTheSoonestCandidateAmongDedicatedEngines(@ForAll("snapshots") List<MemberLoad> team,
            @ForAll("jobs") int job) {
        Decision d = new WorkloadDistributor().choose(job, team);
        if (d instanceof Decision.Dispatch dispatch) {
            MemberLoad chosen = byId(team, dispatch.memberId());
            if (chosen.role() != Role.PRIMARY) {
                for (MemberLoad other : team) {
                    if (other.role() != Role.PRIMARY && candidate(other, job)) {
                        assertThat(chosen.expectedCompletionSeconds(job))
                                .isLessThanOrEqualTo(other.expectedCompletionSeconds(job));
                    }
                }
            }
        }
    }

    @Property
    void aftTakesThePrimaryOnlyWhenNoStandbyCanOrItIsTwiceAsFast(@ForAll("snapshots") List<MemberLoad> team,
            @ForAll("jobs") int job) {
        Decision d = new WorkloadDistributor().choose(job, team);
        if (d instanceof Decision.Dispatch dispatch && byId(team, dispatch.memberId()).role() == Role.PRIMARY) {
            double primaryEct = byId(team, dispatch.memberId()).expectedCompletionSeconds(job);
            for (MemberLoad other : team) {
                if (other.role() != Role.PRIMARY && candidate(other, job)) {
                    assertThat(other.expectedCompletionSeconds(job))
                            .as("standby %s could take it and the primary is not twice as fast", other)
                            .isGreaterThan(WorkloadDistributor.DEFAULT_PRIMARY_MARGIN * primaryEct);
                }
            }
        }
    }

    @Property
    void linkStateNeverChangesTheWorkloadDecision(@ForAll("snapshots") List<MemberLoad> team, @ForAll("jobs") int job) {
        List<MemberLoad> allLinksDown = team.stream().map(Snapshots::linkDown).toList();
        assertThat(new WorkloadDistributor().choose(job, allLinksDown)).isEqualTo(new WorkloadDistributor().choose(job, team));
    }

    private static boolean candidate(MemberLoad m, int job) {
        return m.canServe() && m.hasCredit()
                && (m.outstandingBytes() == 0 || m.expectedCompletionSeconds(job) <= HORIZON_SECONDS);
    }

    private static Distributor policy(int i) {
        return switch (i) {
            case 0 -> new WorkloadDistributor();
            case 1 -> new RoundRobinDistributor();
            default -> new PrimaryOnlyDistributor();
        };
    }

    private static MemberLoad byId(List<MemberLoad> team, String id) {
        return team.stream().filter(m -> m.memberId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("chose " + id + ", not in the snapshot"));
    }

    @Provide
    Arbitrary<Integer> jobs() {
        return Arbitraries.of(64, 576, 1500, 9000);
    }

    @Provide
    Arbitrary<List<MemberLoad>> snapshots() {
        Arbitrary<MemberLoad> member = Combinators.combine(
                Arbitraries.of(Role.values()),
                Arbitraries.of(0L, 5_000_000L, 12_500_000L, 12_500_000L, 125_000_000L, 125_000_000L),
                Arbitraries.longs().between(0, 400_000),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, false),
                Arbitraries.of(true, true, true, false),
                Arbitraries.of(0L, 0L, 0L, 1_000_000L, 10_000_000L, 200_000_000L))
                .as((role, rate, outstanding, credits, link, healthy, traffic) ->
                        new MemberLoad("?", role, rate, outstanding, credits, link, healthy, traffic));
        return member.list().ofMinSize(1).ofMaxSize(8).map(DistributorContractTest::named);
    }

    private static List<MemberLoad> named(List<MemberLoad> members) {
        List<MemberLoad> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            MemberLoad m = members.get(i);
            out.add(new MemberLoad("m" + i, m.role(), m.engineRate(), m.outstandingBytes(), m.credits(), m.linkUp(),
                    m.engineHealthy(), m.teamTrafficLoad()));
        }
        return out;
    }
}
