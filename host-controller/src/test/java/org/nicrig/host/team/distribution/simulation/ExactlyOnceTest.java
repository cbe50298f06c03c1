package org.nicrig.host.team.distribution.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nicrig.host.team.distribution.Distributor;
import org.nicrig.host.team.distribution.PrimaryOnlyDistributor;
import org.nicrig.host.team.distribution.RoundRobinDistributor;
import org.nicrig.host.team.distribution.WorkloadDistributor;
import org.nicrig.protocol.message.FaultKind;

/**
 * design.md invariant 2: every job completes exactly once or fails with a reason, under random
 * faults and hot-swaps. Each seed builds a random team, workload, policy and event sequence and
 * runs it to the end (drain); a ledger checks every job's life. A failure names its seed.
 */
class ExactlyOnceTest {

    private static final int SEQUENCES = 250;
    private static final long[] RATES = {5_000_000, 12_500_000, 25_000_000, 62_500_000, 125_000_000};
    private static final FaultKind[] FAULTS = TeamEvent.MODELLED.toArray(FaultKind[]::new);

    @Test
    void everyJobEndsExactlyOnceUnderRandomFaultsAndHotSwaps() {
        long redispatched = 0;
        long late = 0;
        long failed = 0;
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            SimulationResult r;
            try {
                r = runOne(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
            redispatched += r.redispatched();
            late += r.lateAnswersDropped();
            failed += r.jobsFailed();
        }
        // the sequences must actually exercise what this test is about
        assertThat(redispatched).isPositive();
        assertThat(late).isPositive();
        assertThat(failed).isPositive();
    }

    private static SimulationResult runOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Duration duration = Duration.ofMillis(3);
        List<MemberSpec> members = new ArrayList<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            members.add(spec("m" + i, random));
        }
        List<String> ids = new ArrayList<>(members.stream().map(MemberSpec::id).toList());
        List<TeamEvent> events = new ArrayList<>();
        int count = random.nextInt(12);
        for (int k = 0; k < count; k++) {
            Duration at = Duration.ofNanos(random.nextLong(duration.toNanos()));
            if (random.nextInt(6) == 0) {
                MemberSpec joining = spec("j" + k, random);
                events.add(new TeamEvent.Join(at, joining));
                ids.add(joining.id());
            } else {
                events.add(new TeamEvent.Fault(at, ids.get(random.nextInt(ids.size())), FAULTS[random.nextInt(FAULTS.length)]));
            }
        }
        long totalRate = members.stream().mapToLong(MemberSpec::engineRate).sum();
        SimulationConfig config = SimulationConfig.builder(random.nextBoolean() ? TeamMode.AFT : TeamMode.ALB, members)
                .duration(duration)
                .jobLatency(Duration.ofNanos(random.nextLong(100_000)))
                .offeredLoad(0.5 + 1.5 * random.nextDouble())
                .teamTrafficLoad((long) (totalRate * 0.5 * random.nextDouble()))
                .events(events).seed(seed).drain(true).build();
        Distributor policy = switch (random.nextInt(3)) {
            case 0 -> new WorkloadDistributor();
            case 1 -> new RoundRobinDistributor();
            default -> new PrimaryOnlyDistributor();
        };
        Ledger ledger = new Ledger();
        SimulationResult r = DistributionSimulator.run(config, policy, ledger);
        ledger.checkAllEnded(r);
        return r;
    }

    private static MemberSpec spec(String id, SplittableRandom random) {
        return new MemberSpec(id, RATES[random.nextInt(RATES.length)], 1 + random.nextInt(16));
    }

    /** Follows every job; any second ending, answer from the wrong member or loss fails. */
    private static final class Ledger implements SimulationListener {
        private final Map<Long, String> holder = new HashMap<>();
        private final Map<Long, Integer> attempts = new HashMap<>();
        private final Map<Long, Set<String>> everHeldBy = new HashMap<>();
        private final Set<Long> ended = new HashSet<>();
        private long completions;
        private long failures;
        private long lates;

        @Override
        public void submitted(Duration at, long jobId, int bytes) {
            assertThat(attempts.put(jobId, 0)).as("job %d submitted twice", jobId).isNull();
        }

        @Override
        public void dispatched(Duration at, long jobId, int bytes, String memberId, int attempt) {
            assertThat(ended).as("job %d dispatched after it ended", jobId).doesNotContain(jobId);
            assertThat(attempt).as("job %d attempt", jobId).isEqualTo(attempts.get(jobId) + 1);
            attempts.put(jobId, attempt);
            holder.put(jobId, memberId);
            everHeldBy.computeIfAbsent(jobId, k -> new HashSet<>()).add(memberId);
        }

        @Override
        public void completed(Duration at, long jobId, int bytes, String memberId) {
            assertThat(ended.add(jobId)).as("job %d ended twice (completed at %s)", jobId, at).isTrue();
            assertThat(memberId).as("job %d answered by", jobId).isEqualTo(holder.get(jobId));
            completions++;
        }

        @Override
        public void failed(Duration at, long jobId, String reason) {
            assertThat(ended.add(jobId)).as("job %d ended twice (failed at %s)", jobId, at).isTrue();
            assertThat(reason).isNotBlank();
            failures++;
        }

        @Override
        public void lateAnswerDropped(Duration at, long jobId, String memberId) {
            assertThat(everHeldBy.get(jobId)).as("late answer for job %d", jobId).contains(memberId);
            lates++;
        }

        void checkAllEnded(SimulationResult r) {
            assertThat(ended).as("jobs that ended").hasSize(attempts.size());
            assertThat(r.jobsUnfinished()).isZero();
            assertThat(r.jobsSubmitted()).isEqualTo(attempts.size());
            assertThat(r.jobsCompleted()).isEqualTo(completions);
            assertThat(r.jobsFailed()).isEqualTo(failures);
            assertThat(r.lateAnswersDropped()).isEqualTo(lates);
        }
    }
}
