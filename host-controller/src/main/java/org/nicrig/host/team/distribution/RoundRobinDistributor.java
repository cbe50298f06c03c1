package org.nicrig.host.team.distribution;

import java.util.List;

/**
 * Strict round-robin, the load-blind reference (DPDK's cryptodev scheduler in round-robin mode,
 * bonding's balance-rr): jobs go to the serving members in turn, whatever their rate or queue.
 *
 * <p>Members whose engine cannot serve are skipped. A member whose turn it is but which has no
 * credit is <em>not</em> skipped: the job waits for it ({@link Decision#WAIT}). Skipping full
 * members would turn this into "whichever member has room", a load-aware policy in disguise; the
 * point of this class is the load-blind alternative, whose throughput with mixed engine rates is
 * capped by the slowest engine.
 *
 * <p>The turn is remembered by member id, so a member joining or leaving does not restart it.
 */
public final class RoundRobinDistributor implements Distributor {

    private String lastChosen;
    private int lastIndex = -1;

    @Override
    public Decision choose(long jobBytes, List<MemberLoad> members) {
        Distributor.requireJobBytes(jobBytes);
        if (!NoEngine.anyCanServe(members)) {
            return NoEngine.reject(members);
        }
        int n = members.size();
        int from = positionOfLast(members);
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(from + k, n);
            MemberLoad m = members.get(i);
            if (!m.canServe()) {
                continue;
            }
            if (!m.hasCredit()) {
                return Decision.WAIT;
            }
            lastChosen = m.memberId();
            lastIndex = i;
            return new Decision.Dispatch(m.memberId());
        }
        throw new AssertionError("a serving member exists but none was found");
    }

    /** Where the last chosen member is now, or its old position if it has left the team. */
    private int positionOfLast(List<MemberLoad> members) {
        if (lastChosen != null) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).memberId().equals(lastChosen)) {
                    return i;
                }
            }
        }
        return lastIndex < 0 ? -1 : Math.min(lastIndex, members.size()) - 1;
    }

    @Override
    public String name() {
        return "round-robin";
    }
}
