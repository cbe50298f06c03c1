package org.nicrig.host.team.distribution.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.host.team.distribution.simulation.Teams.ms;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nicrig.host.team.distribution.Distributor;
import org.nicrig.host.team.distribution.WorkloadDistributor;

/**
 * After 60 ms of saturation the fastest non-primary member (m1, 125 MB/s) is swapped for a
 * 12.5 MB/s 82559. Its share of the bytes dispatched afterwards, against its fair share (its rate
 * over the team's), must stay within 1.5x (design.md, "Secondary use").
 */
class HotSwapFairnessTest {

    private static final Duration SWAP = ms(60);
    private static final Duration END = ms(100);

    private static ShareMeter measure(TeamMode mode, List<MemberSpec> members, Distributor distributor, Duration window) {
        SimulationConfig config = Teams.config(mode, members).duration(END)
                .events(TeamEvent.hotSwap(SWAP, "m1", new MemberSpec("new", 12_500_000, members.get(1).queueDepth())))
                .build();
        ShareMeter meter = new ShareMeter("new", SWAP, SWAP.plus(window));
        DistributionSimulator.run(config, distributor, meter);
        return meter;
    }

    @ParameterizedTest
    @EnumSource(TeamMode.class)
    void withTheQueueHorizonTheReplacementGetsItsFairShare(TeamMode mode) {
        for (Duration window : List.of(ms(10), END.minus(SWAP))) {
            ShareMeter meter = measure(mode, Teams.mixed8(), new WorkloadDistributor(), window);
            assertThat(meter.fairShare()).isBetween(0.02, 0.1);
            assertThat(meter.ratio()).as("share %.4f vs fair %.4f over %s", meter.share(), meter.fairShare(), window)
                    .isBetween(1 / 1.5, 1.5);
        }
    }

    @ParameterizedTest
    @EnumSource(TeamMode.class)
    void withUnboundedQueuesTheReplacementIsFloodedWithTheBacklog(TeamMode mode) {
        // the others hold about 0.2 x 60 ms = 12 ms of work each; the newcomer gets 12 ms of work at once
        List<MemberSpec> deep = Teams.mixed8().stream().map(m -> new MemberSpec(m.id(), m.engineRate(), 1 << 24)).toList();
        ShareMeter meter = measure(mode, deep, WorkloadDistributor.withoutQueueHorizon(), ms(5));
        assertThat(meter.ratio()).as("share %.4f vs fair %.4f", meter.share(), meter.fairShare()).isGreaterThan(1.5);
        ShareMeter bounded = measure(mode, Teams.mixed8(), new WorkloadDistributor(), ms(5));
        assertThat(bounded.ratio()).isLessThan(meter.ratio());
    }
}
