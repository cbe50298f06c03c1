package org.nicrig.host.team.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nicrig.host.team.distribution.Snapshots.MB;
import static org.nicrig.host.team.distribution.Snapshots.engineFailed;
import static org.nicrig.host.team.distribution.Snapshots.linkDown;
import static org.nicrig.host.team.distribution.Snapshots.member;
import static org.nicrig.host.team.distribution.Snapshots.withTraffic;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadDistributorTest {

    private final WorkloadDistributor workload = new WorkloadDistributor();

    @Test
    void albChoosesTheMemberThatWouldFinishSoonest() {
        // a: (10000+1000)/10 MB/s = 1.1 ms; b: (50000+1000)/100 MB/s = 0.51 ms; c: 1000/1 MB/s = 1 ms
        List<MemberLoad> team = List.of(
                member("a", Role.ACTIVE, 10 * MB, 10_000, 8),
                member("b", Role.ACTIVE, 100 * MB, 50_000, 8),
                member("c", Role.ACTIVE, 1 * MB, 0, 8));
        assertThat(workload.choose(1000, team)).isEqualTo(new Decision.Dispatch("b"));
    }

    @Test
    void teamTrafficReducesTheRateAMemberIsJudgedBy() {
        // without traffic b would win (0.51 ms); with 90 MB/s of team traffic it has 10 MB/s: 5.1 ms
        List<MemberLoad> team = List.of(
                member("a", Role.ACTIVE, 10 * MB, 10_000, 8),
                withTraffic(member("b", Role.ACTIVE, 100 * MB, 50_000, 8), 90 * MB));
        assertThat(workload.choose(1000, team)).isEqualTo(new Decision.Dispatch("a"));
    }

    @Test
    void neverChoosesAMemberWithoutCreditsEvenIfIdleAndFastest() {
        List<MemberLoad> team = List.of(
                member("fast", Role.ACTIVE, 125 * MB, 0, 0),
                member("slow", Role.ACTIVE, 5 * MB, 5_000, 1));
        assertThat(workload.choose(64, team)).isEqualTo(new Decision.Dispatch("slow"));
    }

    @Test
    void neverChoosesAFailedEngine() {
        List<MemberLoad> team = List.of(
                engineFailed(member("dead", Role.ACTIVE, 125 * MB, 0, 64)),
                member("slow", Role.ACTIVE, 5 * MB, 5_000, 64));
        assertThat(workload.choose(64, team)).isEqualTo(new Decision.Dispatch("slow"));
    }

    @Test
    void aMemberWhoseLinkFailedStillServesWithItsEngine() {
        List<MemberLoad> team = List.of(
                linkDown(member("nolink", Role.STANDBY, 125 * MB, 0, 64)),
                member("primary", Role.PRIMARY, 12 * MB, 0, 64));
        assertThat(workload.choose(1500, team)).isEqualTo(new Decision.Dispatch("nolink"));
        assertThat(workload.choose(1500, List.of(linkDown(member("only", Role.ACTIVE, 5 * MB, 0, 1)))))
                .isEqualTo(new Decision.Dispatch("only"));
    }

    @Test
    void aftPrefersAStandbyEvenWhenThePrimaryIsSomewhatFaster() {
        // primary 0.1 ms, standby 0.15 ms: the primary is not twice as fast, so the standby takes it
        List<MemberLoad> team = List.of(
                member("primary", Role.PRIMARY, 10 * MB, 0, 64),
                member("standby", Role.STANDBY, 10 * MB, 500, 64));
        assertThat(workload.choose(1000, team)).isEqualTo(new Decision.Dispatch("standby"));
    }

    @Test
    void aftUsesThePrimaryWhenEveryStandbyIsOutOfCredits() {
        List<MemberLoad> team = List.of(
                withTraffic(member("primary", Role.PRIMARY, 100 * MB, 0, 64), 60 * MB),
                member("s1", Role.STANDBY, 10 * MB, 90_000, 0),
                member("s2", Role.STANDBY, 10 * MB, 90_000, 0));
        assertThat(workload.choose(1000, team)).isEqualTo(new Decision.Dispatch("primary"));
    }

    @Test
    void aftUsesThePrimaryEarlyOnlyWhenItBeatsTheBestStandbyByTheMargin() {
        // primary: 1000 B at 100 MB/s = 0.01 ms; standby: (4000+1000) at 5 MB/s = 1 ms: 100x slower
        List<MemberLoad> team = List.of(
                member("primary", Role.PRIMARY, 100 * MB, 0, 64),
                member("slow", Role.STANDBY, 5 * MB, 4_000, 64));
        assertThat(workload.choose(1000, team)).isEqualTo(new Decision.Dispatch("primary"));
        WorkloadDistributor overflowOnly = new WorkloadDistributor(Duration.ofMillis(2), Double.POSITIVE_INFINITY);
        assertThat(overflowOnly.choose(1000, team)).isEqualTo(new Decision.Dispatch("slow"));
    }

    @Test
    void aPrimaryWhoseEngineTheTeamTrafficFillsIsNeverUsed() {
        List<MemberLoad> team = List.of(
                withTraffic(member("primary", Role.PRIMARY, 12 * MB, 0, 64), 12 * MB),
                member("s1", Role.STANDBY, 10 * MB, 90_000, 0));
        assertThat(workload.choose(1000, team)).isEqualTo(Decision.WAIT);
    }

    @Test
    void waitsWhenEveryServingEngineIsOutOfCredits() {
        List<MemberLoad> team = List.of(
                member("a", Role.ACTIVE, 10 * MB, 640, 0),
                engineFailed(member("b", Role.ACTIVE, 10 * MB, 0, 64)));
        assertThat(workload.choose(64, team)).isEqualTo(Decision.WAIT);
        assertThat(workload.choose(64, team).member()).isEmpty();
    }

    @Test
    void rejectsWithAReasonWhenNoEngineCanServe() {
        List<MemberLoad> team = List.of(
                engineFailed(member("a", Role.ACTIVE, 10 * MB, 0, 64)),
                engineFailed(member("b", Role.ACTIVE, 10 * MB, 0, 64)));
        assertThat(workload.choose(64, team)).isInstanceOfSatisfying(Decision.Reject.class,
                r -> assertThat(r.reason()).contains("every engine has failed"));
        assertThat(workload.choose(64, List.of())).isInstanceOfSatisfying(Decision.Reject.class,
                r -> assertThat(r.reason()).contains("no members"));
    }

    @Test
    void theHorizonKeepsTheBacklogOnTheHostInsteadOfFloodingAnIdleNewcomer() {
        // both hold more than 2 ms of work with the job added: neither takes it, although they have credits
        List<MemberLoad> full = List.of(
                member("a", Role.ACTIVE, 10 * MB, 19_500, 64),
                member("b", Role.ACTIVE, 5 * MB, 9_800, 64));
        assertThat(workload.choose(1000, full)).isEqualTo(Decision.WAIT);
        assertThat(WorkloadDistributor.withoutQueueHorizon().choose(1000, full)).isEqualTo(new Decision.Dispatch("a"));
    }

    @Test
    void anIdleEngineTakesAJobLargerThanItsHorizon() {
        // 9000 B at 1 MB/s is 9 ms, past the 2 ms horizon; an idle engine takes it anyway
        assertThat(workload.choose(9000, List.of(member("slow", Role.ACTIVE, 1 * MB, 0, 64))))
                .isEqualTo(new Decision.Dispatch("slow"));
    }

    @Test
    void tiesGoToTheEarlierMember() {
        List<MemberLoad> team = List.of(member("x", Role.ACTIVE, 10 * MB, 0, 8), member("y", Role.ACTIVE, 10 * MB, 0, 8));
        assertThat(workload.choose(100, team)).isEqualTo(new Decision.Dispatch("x"));
    }

    @Test
    void badArgumentsAreProgrammingErrors() {
        assertThatThrownBy(() -> workload.choose(0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkloadDistributor(Duration.ZERO, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkloadDistributor(Duration.ofMillis(1), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
