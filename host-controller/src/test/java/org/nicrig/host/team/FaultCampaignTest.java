package org.nicrig.host.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.transport.TransportUri;
import org.nicrig.protocol.message.*;

/**
 * A seeded fault campaign: random sequences of LINK_DOWN, ENGINE_FAIL, STALL, RESET, UNPLUG and
 * hot-swap while secondary jobs and team packets flow. After each: every job completed exactly
 * once or failed with a reason, nothing reached the peer in plaintext, and every AFT fail-over
 * took at most two heartbeat intervals. A failing sequence names its seed; replay one with
 * {@code -Dnicrig.campaign.seed=N}.
 */
class FaultCampaignTest {
    private static final SessionConfig CAMPAIGN = new SessionConfig(Duration.ofMillis(150), 1, Duration.ofMillis(120),
            Duration.ofMillis(100), 2);
    private static final FaultKind[] FAULTS = {FaultKind.LINK_DOWN, FaultKind.LINK_UP, FaultKind.ENGINE_FAIL,
            FaultKind.ENGINE_RESTORE, FaultKind.STALL, FaultKind.RESET, FaultKind.UNPLUG};

    @Test
    void everyJobCompletesExactlyOnceOrFailsWithAReasonUnderRandomFaults() throws Exception {
        String one = System.getProperty("nicrig.campaign.seed");
        int sequences = Integer.getInteger("nicrig.campaign.sequences", 200);
        long first = one == null ? 1 : Long.parseLong(one);
        long last = one == null ? sequences : first;
        for (long seed = first; seed <= last; seed++) {
            try {
                runSequence(seed);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("fault campaign seed " + seed + " failed (replay: -Dnicrig.campaign.seed=" + seed
                        + "): " + e.getMessage(), e);
            }
        }
    }

    private void runSequence(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        TeamMode mode = r.nextBoolean() ? TeamMode.AFT : TeamMode.ALB;
        Fig4Policy fig4 = r.nextBoolean() ? Fig4Policy.RETURN : Fig4Policy.DIRECT_MAC;
        TeamConfig config = TeamConfig.of(mode, mode == TeamMode.AFT ? "m1" : null).withSession(CAMPAIGN).withFig4(fig4)
                .withSeed(seed);
        try (TeamFixture f = new TeamFixture(config, Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("m1", r.nextBoolean() ? "82559-plain" : "fpga-aes", 1, "speed=unlimited&seed=" + seed);
            f.add("m2", "fpga-aes", 2, "speed=unlimited&seed=" + seed);
            f.add("m3", "fpga-aes", 3, "speed=unlimited&seed=" + seed);
            List<CompletableFuture<?>> all = new ArrayList<>();
            int macByte = 4;
            int steps = 2 + r.nextInt(3);
            for (int step = 0; step < steps; step++) {
                for (int i = 0; i < 8; i++) {
                    all.add(f.team.cryptoService().submit(f.out, f.packet(64 + r.nextInt(1400), all.size() + 1)));
                    all.add(f.team.transmit(r.nextInt(4), f.packet(64 + r.nextInt(1400), all.size() + 1), f.out, f.peer.mac));
                }
                String target = "m" + (1 + r.nextInt(3));
                if (r.nextInt(5) == 0) {
                    var t = f.emulated.create(TransportUri.parse(String.format(
                            "emulated:fpga-aes?mac=02:00:00:00:01:%02x&speed=unlimited&seed=%d", macByte++, seed)));
                    f.team.hotSwap(target, "r" + macByte, t).get(10, TimeUnit.SECONDS);
                } else {
                    FaultKind fault = FAULTS[r.nextInt(FAULTS.length)];
                    var transport = f.transport(target);
                    if (transport != null && transport.server() != null) {
                        transport.server().inject(fault, 0, fault == FaultKind.STALL ? Duration.ofMillis(50 + r.nextInt(250)) : Duration.ZERO);
                    }
                }
                Thread.sleep(r.nextInt(40));
            }
            for (CompletableFuture<?> job : all) {
                try {
                    job.get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause().getMessage()).as("a failed job says why").isNotBlank();
                }
            }
            TeamSnapshot s = f.team.snapshot().get();
            assertThat(s.completedJobs() + s.failedJobs()).as("jobs ended").isEqualTo(all.size());
            assertThat(s.duplicateCompletions()).as("duplicate completions").isZero();
            assertThat(f.peer.plaintextSeen).as("plaintext to the peer").isEmpty();
            for (TeamEvent.FailedOver fo : f.eventsOf(TeamEvent.FailedOver.class)) {
                assertThat(fo.gap()).as("fail-over %s -> %s (%s)", fo.from(), fo.to(), fo.reason())
                        .isLessThanOrEqualTo(CAMPAIGN.heartbeatInterval().multipliedBy(2));
            }
        }
    }
}
