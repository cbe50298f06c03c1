package org.nicrig.host.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.*;

/** Secondary use by workload, fail-over, engine failure, hot-swap: every job exactly once. */
class TeamFaultTest {

    private static TeamConfig config(TeamMode mode, String primary) {
        return TeamConfig.of(mode, primary).withSession(TeamFixture.FAST);
    }

    private static List<JobOutcome> secondary(TeamFixture f, int n, int size) throws Exception {
        List<CompletableFuture<JobOutcome>> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.add(f.team.cryptoService().submit(f.out, f.packet(size, i + 1)));
        }
        List<JobOutcome> out = new ArrayList<>();
        for (CompletableFuture<JobOutcome> j : jobs) {
            out.add(j.get(10, TimeUnit.SECONDS));
        }
        return out;
    }

    @Test
    void aftSecondaryUseGoesToStandbysFirstAndToThePrimaryOnlyWhenTheyAreFull() throws Exception {
        try (TeamFixture f = new TeamFixture(config(TeamMode.AFT, "primary"), Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("primary", "fpga-aes", 1, "speed=2");
            f.add("standby", "fpga-aes", 2, "speed=2");
            // One job at a time: the standby always has room, so the primary gets none (FIG. 6, AFT).
            for (int i = 0; i < 30; i++) {
                assertThat(f.team.cryptoService().submit(f.out, f.packet(1400, i + 1)).get(5, TimeUnit.SECONDS).member())
                        .isEqualTo("standby");
            }
            // A burst beyond the standby's credits spills onto the primary's spare capacity.
            List<JobOutcome> done = secondary(f, 200, 1400);
            Map<String, Long> share = done.stream().collect(Collectors.groupingBy(JobOutcome::member, Collectors.counting()));
            assertThat(share.get("standby")).as("share %s", share).isPositive();
            assertThat(share.get("primary")).as("share %s", share).isPositive();
            assertThat(done).allSatisfy(o -> assertThat(o.result().status()).isEqualTo(JobStatus.OK));
            assertThat(f.team.snapshot().get().duplicateCompletions()).isZero();
        }
    }

    @Test
    void aMemberWhoseLinkFailedStillServesSecondaryUse() throws Exception {
        try (TeamFixture f = new TeamFixture(config(TeamMode.ALB, null), Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("a", "fpga-aes", 1, "speed=2");
            f.add("b", "fpga-aes", 2, "speed=2");
            f.team.session("b").call(new InjectFault(FaultKind.LINK_DOWN, 0, Duration.ZERO));
            f.awaitEvent(TeamEvent.LinkChanged.class, e -> e.member().equals("b") && !e.up());
            List<JobOutcome> done = secondary(f, 100, 1400);
            assertThat(done.stream().filter(o -> o.member().equals("b")).count()).isPositive();
        }
    }

    @Test
    void aftFailsOverOnLinkDownWithinTwoHeartbeatIntervalsAndTrafficContinues() throws Exception {
        try (TeamFixture f = new TeamFixture(config(TeamMode.AFT, "a"), Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("a", "fpga-aes", 1, "speed=unlimited");
            f.add("b", "fpga-aes", 2, "speed=unlimited");
            assertThat(f.team.active()).isEqualTo("a");
            assertThat(f.team.transmit(1, f.packet(100, 1), f.out, f.peer.mac).get(5, TimeUnit.SECONDS).egress()).isEqualTo("a");
            f.team.session("a").call(new InjectFault(FaultKind.LINK_DOWN, 0, Duration.ZERO));
            TeamEvent.FailedOver fo = f.awaitEvent(TeamEvent.FailedOver.class, e -> e.from().equals("a"));
            assertThat(fo.to()).isEqualTo("b");
            assertThat(fo.gap()).isLessThanOrEqualTo(TeamFixture.FAST.heartbeatInterval().multipliedBy(2));
            assertThat(f.team.transmit(1, f.packet(100, 2), f.out, f.peer.mac).get(5, TimeUnit.SECONDS).egress()).isEqualTo("b");
        }
    }

    @Test
    void silentActiveMemberIsFailedOverWithinTwoHeartbeatIntervals() throws Exception {
        try (TeamFixture f = new TeamFixture(config(TeamMode.AFT, "a"), Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("a", "fpga-aes", 1, "speed=unlimited");
            f.add("b", "82559-plain", 2, "");
            f.transport("a").server().inject(FaultKind.STALL, 0, Duration.ZERO);
            TeamEvent.FailedOver fo = f.awaitEvent(TeamEvent.FailedOver.class, e -> e.from().equals("a"));
            assertThat(fo.to()).isEqualTo("b");
            assertThat(fo.gap()).isPositive().isLessThanOrEqualTo(TeamFixture.FAST.heartbeatInterval().multipliedBy(2));
        }
    }

    @Test
    void jobsOnAFailedEngineAreRedispatchedAndCompleteExactlyOnce() throws Exception {
        try (TeamFixture f = new TeamFixture(config(TeamMode.ALB, null), Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("a", "fpga-aes", 1, "speed=1");
            f.add("b", "fpga-aes", 2, "speed=1");
            List<CompletableFuture<JobOutcome>> jobs = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                jobs.add(f.team.cryptoService().submit(f.out, f.packet(1400, i + 1)));
            }
            f.transport("a").server().inject(FaultKind.ENGINE_FAIL, 0, Duration.ZERO);
            for (CompletableFuture<JobOutcome> j : jobs) {
                assertThat(j.get(15, TimeUnit.SECONDS).result().status()).isEqualTo(JobStatus.OK);
            }
            TeamSnapshot s = f.team.snapshot().get();
            assertThat(s.completedJobs()).isEqualTo(300);
            assertThat(s.failedJobs()).isZero();
            assertThat(s.duplicateCompletions()).isZero();
            assertThat(s.redispatchedJobs()).isPositive();
            assertThat(f.eventsOf(TeamEvent.EngineFailed.class)).extracting(TeamEvent.EngineFailed::member).contains("a");
        }
    }

    @Test
    void hotSwappedMemberGetsItsSasBeforeAnyWorkAndThenServes() throws Exception {
        try (TeamFixture f = new TeamFixture(config(TeamMode.ALB, null), Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("a", "fpga-aes", 1, "speed=unlimited");
            f.add("b", "fpga-aes", 2, "speed=unlimited");
            List<CompletableFuture<JobOutcome>> jobs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                jobs.add(f.team.cryptoService().submit(f.out, f.packet(600, i + 1)));
            }
            var replacement = f.emulated.create(org.nicrig.host.transport.TransportUri.parse(
                    "emulated:fpga-aes?mac=02:00:00:00:00:03&speed=unlimited"));
            f.team.hotSwap("b", "c", replacement).get(10, TimeUnit.SECONDS);
            f.awaitEvent(TeamEvent.SasInstalled.class, e -> e.member().equals("c"));
            for (int i = 0; i < 100; i++) {
                jobs.add(f.team.cryptoService().submit(f.out, f.packet(600, 1000 + i)));
            }
            for (CompletableFuture<JobOutcome> j : jobs) {
                assertThat(j.get(10, TimeUnit.SECONDS).result().status()).isEqualTo(JobStatus.OK);
            }
            TeamSnapshot s = f.team.snapshot().get();
            assertThat(s.completedJobs()).isEqualTo(200);
            assertThat(s.member("c").sasInstalled()).isEqualTo(2);
            assertThat(s.member("c").secondaryJobsCompleted()).isPositive();
            assertThat(s.member("b").alive()).isFalse();
            assertThat(f.eventsOf(TeamEvent.HotSwapped.class)).hasSize(1);
        }
    }

    @Test
    void whenTheLastEngineGoesJobsFailWithAReasonInsteadOfHanging() throws Exception {
        try (TeamFixture f = new TeamFixture(config(TeamMode.ALB, null), Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("a", "fpga-aes", 1, "speed=unlimited");
            f.add("p", "82559-plain", 2, "");
            f.transport("a").server().inject(FaultKind.UNPLUG, 0, Duration.ZERO);
            f.awaitEvent(TeamEvent.MemberGone.class, e -> e.member().equals("a"));
            CompletableFuture<JobOutcome> job = f.team.cryptoService().submit(f.out, f.packet(100, 1));
            assertThat(job).failsWithin(5, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("no member has a verified engine");
        }
    }
}
