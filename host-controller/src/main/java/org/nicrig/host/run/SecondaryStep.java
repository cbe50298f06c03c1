package org.nicrig.host.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.nicrig.host.plan.Step;
import org.nicrig.host.team.TeamJobException;
import org.nicrig.host.team.TeamSa;
import org.nicrig.host.verify.Verdict;

/**
 * {@code type: secondary}: encryption jobs from outside the team's traffic, through the team's
 * crypto service (FIG. 6). Each result is verified against the Bouncy Castle reference in
 * sequence order; the share each member took is what the distribution expectations measure.
 */
final class SecondaryStep {
    private static final int WINDOW = 1024;

    private final RigRuntime rig;
    private final Step.Secondary step;
    private final Stats stats;
    private final PacketSource packets;
    private final long deadlineNanos;

    SecondaryStep(RigRuntime rig, Step.Secondary step, Stats stats, long seed, long stepId, long deadlineNanos) {
        this.rig = rig;
        this.step = step;
        this.stats = stats;
        this.packets = new PacketSource(step.sizes(), seed, stepId, rig.peerIp);
        this.deadlineNanos = deadlineNanos;
    }

    String run() throws InterruptedException {
        TeamSa sa = rig.sa(step.sa());
        OrderedVerifier verifier = rig.verifiers.get(sa.spi());
        Pacer pacer = new Pacer(step.jobsPerSecond().orElse(0), WINDOW, deadlineNanos);
        List<CompletableFuture<?>> outstanding = new ArrayList<>();
        long submitted = 0;
        for (; submitted < step.jobs(); submitted++) {
            if (!pacer.next()) {
                break;
            }
            byte[] packet = packets.outbound((int) (submitted % 16));
            long sent = System.nanoTime();
            stats.expected(1);
            CompletableFuture<?> f = rig.team.cryptoService().submit(sa, packet).whenComplete((o, e) -> {
                pacer.done();
                if (e != null) {
                    stats.lost(1);
                    Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (c instanceof TeamJobException tje && tje.sequence() > 0) {
                        verifier.skipped(tje.sequence());
                    }
                    return;
                }
                long latency = System.nanoTime() - sent;
                rig.journal.jobCompleted(o.jobId(), o.member(), packet.length, Duration.ofNanos(latency), o.attempts());
                verifier.arrived(o.result().sequenceNumber(), o.member(), packet, o.result().output().toArray(), v -> {
                    boolean ok = v instanceof Verdict.Ok;
                    stats.job(o.member(), packet.length, ok, latency);
                    if (v instanceof Verdict.Failed failed) {
                        rig.journal.packetVerified(o.member(), sa.spi(), o.result().sequenceNumber(),
                                failed.checks().stream().map(Enum::name).toList(), failed.toString());
                    } else {
                        rig.journal.packetVerified(o.member(), sa.spi(), o.result().sequenceNumber(), List.of(), "");
                    }
                });
            });
            if (outstanding.size() > 4 * WINDOW) {
                outstanding.removeIf(CompletableFuture::isDone);
            }
            outstanding.add(f);
        }
        for (CompletableFuture<?> f : outstanding) {
            try {
                f.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // counted where it completed
            }
        }
        return submitted < step.jobs() ? "submitted " + submitted + " of " + step.jobs() + " jobs before the step's deadline" : null;
    }
}
