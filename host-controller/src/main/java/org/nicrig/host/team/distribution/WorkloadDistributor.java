package org.nicrig.host.team.distribution;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The patent's method (FIG. 6, claims 1-4): send each job to the member that would finish it
 * soonest given its current workload, i.e. minimise the expected completion time
 * {@code (outstanding bytes + job bytes) / (engine rate - team traffic load)}. Faster and less
 * loaded engines get proportionally more work, so the spread follows each engine's rate.
 *
 * <p><b>Who may take a job.</b> A member is a candidate when its engine is healthy, has rate left
 * after the team's own traffic, has a credit, and would not hold more than {@code queueHorizon} of
 * work with the job added (an idle engine always takes one job, however large). The link state does
 * not matter: a member whose link failed still serves (design.md, "Secondary use"). No candidate
 * but some serving engine: {@link Decision#WAIT}; no serving engine: {@link Decision.Reject}.
 *
 * <p><b>AFT: standbys first, the primary only with spare capacity.</b> The standbys' engines are
 * dedicated, while the primary's engine is shared with the team's own outbound ESP, which is
 * latency-sensitive: a secondary job queued there delays the team's packets. So the primary is
 * a spill-over engine. It is a candidate only when (a) the team traffic leaves it rate (its
 * available rate is &gt; 0, see {@link MemberLoad#availableRate()}), and (b) either no standby can
 * take the job now (all out of credits or at the horizon), or the primary would finish the job
 * more than {@code primaryMargin} times sooner than the best standby. Rule (b)'s first half is the
 * patent's "only when it has spare capacity": under saturation the standbys are always full, so the
 * primary's spare rate is used and nothing is wasted; under light load the standbys take it all.
 * The second half stops a slow standby (a 5 MB/s engine beside a 125 MB/s primary) from making jobs
 * wait many times longer than needed just to keep the primary free. With the default margin of 2
 * the primary takes a job early only if that halves its completion time. A margin of
 * {@code Double.POSITIVE_INFINITY} makes the primary a pure overflow engine. ALB has no primary:
 * every member is a candidate on equal terms.
 *
 * <p><b>Why the horizon (hot-swap fairness).</b> Choosing by outstanding work alone, a replacement
 * that joins with an empty queue would get every job until its queue matched the others'. Device
 * credits bound that flood to the device's queue depth (tens of jobs), which for a slow engine is
 * many milliseconds of work. The horizon bounds every engine's queue in <em>time</em> instead: each
 * member holds at most {@code queueHorizon} of work, so a newcomer's first fill is
 * {@code rate x horizon}, its fair share of the in-flight work, and afterwards it gets jobs as fast
 * as it finishes them. The host-side backlog stays on the host, which also means fewer jobs to
 * re-dispatch when an engine fails. The horizon must cover the per-job latency plus the largest job
 * on the slowest engine to keep every engine busy; 2 ms does for 9000-byte jobs at 5 MB/s with a
 * few tens of microseconds of latency. {@link #withoutQueueHorizon()} drops it, for comparison.
 *
 * <p>Ties go to the earlier member in the snapshot, so a decision depends on nothing but its input.
 */
public final class WorkloadDistributor implements Distributor {

    public static final Duration DEFAULT_QUEUE_HORIZON = Duration.ofMillis(2);
    public static final double DEFAULT_PRIMARY_MARGIN = 2.0;

    private final double horizonSeconds;
    private final double primaryMargin;

    /** The defaults: a 2 ms queue horizon, the primary early only when twice as fast. */
    public WorkloadDistributor() {
        this(DEFAULT_QUEUE_HORIZON, DEFAULT_PRIMARY_MARGIN);
    }

    /**
     * @param queueHorizon  the most work (in time at the member's available rate) a member holds
     * @param primaryMargin AFT: how many times sooner than the best standby the primary must finish
     *                      a job to take it while a standby could; &ge; 1, may be infinite
     */
    public WorkloadDistributor(Duration queueHorizon, double primaryMargin) {
        Objects.requireNonNull(queueHorizon, "queueHorizon");
        if (queueHorizon.isNegative() || queueHorizon.isZero()) {
            throw new IllegalArgumentException("queueHorizon must be > 0, was " + queueHorizon);
        }
        this.horizonSeconds = queueHorizon.toNanos() / 1e9;
        this.primaryMargin = requireMargin(primaryMargin);
    }

    private WorkloadDistributor(double horizonSeconds, double primaryMargin) {
        this.horizonSeconds = horizonSeconds;
        this.primaryMargin = requireMargin(primaryMargin);
    }

    /** Only device credits bound a member's queue: shows the flood a hot-swapped newcomer gets. */
    public static WorkloadDistributor withoutQueueHorizon() {
        return new WorkloadDistributor(Double.POSITIVE_INFINITY, DEFAULT_PRIMARY_MARGIN);
    }

    private static double requireMargin(double margin) {
        if (!(margin >= 1.0)) {
            throw new IllegalArgumentException("primaryMargin must be >= 1, was " + margin);
        }
        return margin;
    }

    @Override
    public Decision choose(long jobBytes, List<MemberLoad> members) {
        Distributor.requireJobBytes(jobBytes);
        MemberLoad bestDedicated = null;
        double bestDedicatedEct = Double.POSITIVE_INFINITY;
        MemberLoad primary = null;
        double primaryEct = Double.POSITIVE_INFINITY;
        boolean anyServing = false;
        for (MemberLoad m : members) {
            if (!m.canServe()) {
                continue;
            }
            anyServing = true;
            if (!m.hasCredit()) {
                continue;
            }
            double ect = m.expectedCompletionSeconds(jobBytes);
            if (m.outstandingBytes() > 0 && ect > horizonSeconds) {
                continue;
            }
            if (m.role() == Role.PRIMARY) {
                if (ect < primaryEct) {
                    primary = m;
                    primaryEct = ect;
                }
            } else if (ect < bestDedicatedEct) {
                bestDedicated = m;
                bestDedicatedEct = ect;
            }
        }
        if (!anyServing) {
            return NoEngine.reject(members);
        }
        if (bestDedicated == null) {
            return primary == null ? Decision.WAIT : new Decision.Dispatch(primary.memberId());
        }
        if (primary != null && primaryEct * primaryMargin < bestDedicatedEct) {
            return new Decision.Dispatch(primary.memberId());
        }
        return new Decision.Dispatch(bestDedicated.memberId());
    }

    @Override
    public String name() {
        return Double.isInfinite(horizonSeconds) ? "workload-nohorizon" : "workload";
    }
}
