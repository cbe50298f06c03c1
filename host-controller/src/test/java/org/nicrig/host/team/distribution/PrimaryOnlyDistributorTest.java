package org.nicrig.host.team.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.host.team.distribution.Snapshots.MB;
import static org.nicrig.host.team.distribution.Snapshots.engineFailed;
import static org.nicrig.host.team.distribution.Snapshots.linkDown;
import static org.nicrig.host.team.distribution.Snapshots.member;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrimaryOnlyDistributorTest {

    private final PrimaryOnlyDistributor primaryOnly = new PrimaryOnlyDistributor();

    @Test
    void aftSendsEverythingToThePrimaryAndWaitsForItWhileStandbysIdle() {
        List<MemberLoad> team = List.of(
                member("s1", Role.STANDBY, 125 * MB, 0, 64),
                member("p", Role.PRIMARY, 12 * MB, 0, 1));
        assertThat(primaryOnly.choose(100, team)).isEqualTo(new Decision.Dispatch("p"));
        List<MemberLoad> full = List.of(member("s1", Role.STANDBY, 125 * MB, 0, 64), member("p", Role.PRIMARY, 12 * MB, 100, 0));
        assertThat(primaryOnly.choose(100, full)).isEqualTo(Decision.WAIT);
    }

    @Test
    void albUsesTheFirstActiveMemberWithItsLinkUp() {
        List<MemberLoad> team = List.of(
                linkDown(member("a", Role.ACTIVE, 125 * MB, 0, 64)),
                member("b", Role.ACTIVE, 12 * MB, 0, 64));
        assertThat(primaryOnly.choose(100, team)).isEqualTo(new Decision.Dispatch("b"));
    }

    @Test
    void rejectsWhenThePrimarysEngineFailedEvenThoughOthersAreHealthy() {
        List<MemberLoad> team = List.of(
                engineFailed(member("p", Role.PRIMARY, 12 * MB, 0, 64)),
                member("s", Role.STANDBY, 125 * MB, 0, 64));
        assertThat(primaryOnly.choose(100, team)).isInstanceOfSatisfying(Decision.Reject.class,
                r -> assertThat(r.reason()).contains("p").contains("failed engine"));
    }
}
