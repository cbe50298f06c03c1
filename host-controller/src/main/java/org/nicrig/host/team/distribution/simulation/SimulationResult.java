package org.nicrig.host.team.distribution.simulation;

import java.time.Duration;

/**
 * What a simulated run measured.
 *
 * <p><b>Efficiency</b> is achieved secondary-use throughput over available secondary-use capacity:
 * <pre>
 *   achieved  = bytesCompleted / duration
 *   capacity  = (integral over [0, duration] of the sum, over members whose engine is healthy at t,
 *                of (engineRate - teamTrafficLoad(t)) dt) / duration
 *   efficiency = achieved / capacity = bytesCompleted / capacityBytes
 * </pre>
 * {@code bytesCompleted} counts jobs whose answer arrived by {@code duration} from the member they
 * were assigned to; work an engine did on jobs it lost when it failed counts nowhere, although the
 * engine's capacity up to the failure is in the denominator.
 *
 * @param policy             the distributor's name
 * @param duration           the measured window
 * @param jobsSubmitted      jobs that arrived
 * @param jobsCompleted      jobs completed, including after {@code duration} when draining
 * @param jobsFailed         jobs failed with a reason
 * @param jobsUnfinished     jobs neither completed nor failed when the run stopped (0 after a drain)
 * @param redispatched       dispatches caused by a member failing or leaving with the job
 * @param lateAnswersDropped answers from a member that no longer held the job
 * @param bytesCompleted     bytes of jobs completed within {@code duration}
 * @param capacityBytes      the capacity integral above, in bytes
 */
public record SimulationResult(
        String policy,
        Duration duration,
        long jobsSubmitted,
        long jobsCompleted,
        long jobsFailed,
        long jobsUnfinished,
        long redispatched,
        long lateAnswersDropped,
        long bytesCompleted,
        double capacityBytes) {

    public double efficiency() {
        return capacityBytes <= 0 ? 0 : bytesCompleted / capacityBytes;
    }

    /** Bytes per second completed over the window. */
    public double achievedThroughput() {
        return bytesCompleted / seconds();
    }

    /** Mean secondary-use capacity over the window, bytes per second. */
    public double availableCapacity() {
        return capacityBytes / seconds();
    }

    private double seconds() {
        return duration.toNanos() / 1e9;
    }
}
