package org.nicrig.host.team.distribution.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nicrig.host.team.distribution.simulation.Teams.ms;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.FaultKind;

class SimulationConfigTest {

    private static SimulationConfig.Builder twoMembers() {
        return SimulationConfig.builder(TeamMode.AFT, Teams.equal(2, 10_000_000)).duration(ms(10));
    }

    @Test
    void aFaultTheSimulatorDoesNotModelIsRejectedByName() {
        assertThatThrownBy(() -> new TeamEvent.Fault(ms(1), "m0", FaultKind.GARBLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GARBLE");
    }

    @Test
    void aFaultOnAMemberThatNeverExistsIsRejected() {
        assertThatThrownBy(() -> twoMembers().events(List.of(new TeamEvent.Fault(ms(1), "eth9", FaultKind.LINK_DOWN))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eth9");
    }

    @Test
    void aJoinOfAMemberStillInTheTeamIsRejectedButAfterItsUnplugItIsFine() {
        assertThatThrownBy(() -> twoMembers().events(List.of(new TeamEvent.Join(ms(1), new MemberSpec("m1", 5_000_000)))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m1").hasMessageContaining("already");
        SimulationConfig ok = twoMembers().events(TeamEvent.hotSwap(ms(1), "m1", new MemberSpec("m1", 5_000_000))).build();
        assertThat(ok.events()).hasSize(2);
    }

    @Test
    void eventsAfterTheEndAndDuplicateIdsAreRejected() {
        assertThatThrownBy(() -> twoMembers().events(List.of(new TeamEvent.Fault(ms(11), "m0", FaultKind.LINK_DOWN))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the run's end");
        assertThatThrownBy(() -> SimulationConfig.builder(TeamMode.ALB,
                List.of(new MemberSpec("a", 1), new MemberSpec("a", 2))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    }

    @Test
    void eventsAreOrderedByTimeKeepingTheListOrderAtTheSameTime() {
        TeamEvent late = new TeamEvent.Fault(ms(5), "m0", FaultKind.LINK_DOWN);
        List<TeamEvent> swap = TeamEvent.hotSwap(ms(2), "m1", new MemberSpec("n", 5_000_000));
        SimulationConfig c = twoMembers().events(List.of(late, swap.get(0), swap.get(1))).build();
        assertThat(c.events()).containsExactly(swap.get(0), swap.get(1), late);
    }

    @Test
    void theImixMixHasTheMeanItsWeightsGiveAndIsDrawnInProportion() {
        // (28*64 + 16*576 + 4*1500 + 1*9000) / 49
        assertThat(JobMix.IMIX_WITH_JUMBO.meanBytes()).isEqualTo(26008.0 / 49);
        SplittableRandom random = new SplittableRandom(3);
        int small = 0;
        int jumbo = 0;
        for (int i = 0; i < 49_000; i++) {
            int size = JobMix.IMIX_WITH_JUMBO.sample(random);
            small += size == 64 ? 1 : 0;
            jumbo += size == 9000 ? 1 : 0;
        }
        assertThat(small).isBetween(27_000, 29_000);
        assertThat(jumbo).isBetween(800, 1200);
    }
}
