package org.nicrig.host.team.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.host.team.distribution.Snapshots.MB;
import static org.nicrig.host.team.distribution.Snapshots.engineFailed;
import static org.nicrig.host.team.distribution.Snapshots.linkDown;
import static org.nicrig.host.team.distribution.Snapshots.member;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinDistributorTest {

    private final RoundRobinDistributor rr = new RoundRobinDistributor();

    private List<String> choices(int count, List<MemberLoad> team) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(rr.choose(100, team).member().orElse("-"));
        }
        return chosen;
    }

    @Test
    void takesTurnsWhateverTheRatesAndQueues() {
        List<MemberLoad> team = List.of(
                member("a", Role.ACTIVE, 125 * MB, 0, 8),
                member("b", Role.ACTIVE, 5 * MB, 100_000, 8),
                linkDown(member("c", Role.ACTIVE, 12 * MB, 0, 8)));
        assertThat(choices(6, team)).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void skipsFailedEnginesButWaitsForAFullMemberWhoseTurnItIs() {
        List<MemberLoad> team = List.of(
                member("a", Role.ACTIVE, 10 * MB, 0, 8),
                engineFailed(member("dead", Role.ACTIVE, 10 * MB, 0, 8)),
                member("full", Role.ACTIVE, 10 * MB, 800, 0));
        assertThat(rr.choose(100, team)).isEqualTo(new Decision.Dispatch("a"));
        assertThat(rr.choose(100, team)).isEqualTo(Decision.WAIT); // "full"'s turn, "a" idle
        assertThat(rr.choose(100, team)).isEqualTo(Decision.WAIT); // still its turn
    }

    @Test
    void keepsItsTurnWhenTheTeamChanges() {
        MemberLoad a = member("a", Role.ACTIVE, 10 * MB, 0, 8);
        MemberLoad b = member("b", Role.ACTIVE, 10 * MB, 0, 8);
        MemberLoad c = member("c", Role.ACTIVE, 10 * MB, 0, 8);
        assertThat(rr.choose(100, List.of(a, b, c))).isEqualTo(new Decision.Dispatch("a"));
        assertThat(rr.choose(100, List.of(a, b, c))).isEqualTo(new Decision.Dispatch("b"));
        // b is pulled: the turn passes to the member that followed it
        assertThat(rr.choose(100, List.of(a, c))).isEqualTo(new Decision.Dispatch("c"));
        assertThat(rr.choose(100, List.of(a, c))).isEqualTo(new Decision.Dispatch("a"));
    }

    @Test
    void rejectsWhenNoEngineServes() {
        assertThat(rr.choose(100, List.of(engineFailed(member("a", Role.ACTIVE, 10 * MB, 0, 8)))))
                .isInstanceOf(Decision.Reject.class);
    }
}
