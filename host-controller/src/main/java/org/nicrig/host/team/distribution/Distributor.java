package org.nicrig.host.team.distribution;

import java.util.List;

/**
 * Chooses the member whose IPsec engine takes one secondary-use job (patent FIG. 6, claims 1-4):
 * an encryption job that comes from the OS or an application rather than from the team's own
 * traffic.
 *
 * <p>A distributor is a policy: no threads, no clock, no I/O. The team calls it with a snapshot of
 * its members each time it has a job to place (on submission and on every completion) and acts on
 * the {@link Decision}:
 * <ul>
 *   <li>{@link Decision.Dispatch}: send the job to that member; the chosen member always has a
 *       healthy engine, rate left for secondary use and at least one credit;</li>
 *   <li>{@link Decision.Wait}: every engine that could take it is out of credits; keep the job in
 *       the host-side queue and ask again when a job completes;</li>
 *   <li>{@link Decision.Reject}: no member has an engine that can serve; fail the job with the
 *       reason.</li>
 * </ul>
 *
 * <p>Implementations may keep state between calls (round-robin's turn), so one instance serves one
 * team, and calls must not overlap: the team calls it under its own lock.
 */
public interface Distributor {

    /**
     * @param jobBytes size of the job's data, &gt; 0
     * @param members  the team's members now, in the team's order (ties go to the earlier one)
     */
    Decision choose(long jobBytes, List<MemberLoad> members);

    /** A short name for reports and the bench table, e.g. {@code workload}. */
    String name();

    /** Rejects a non-positive job size: a programming error in the caller, not a job outcome. */
    static void requireJobBytes(long jobBytes) {
        if (jobBytes <= 0) {
            throw new IllegalArgumentException("jobBytes must be > 0, was " + jobBytes);
        }
    }
}
