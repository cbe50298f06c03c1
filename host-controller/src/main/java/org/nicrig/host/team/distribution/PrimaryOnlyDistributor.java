package org.nicrig.host.team.distribution;

import java.util.List;

/**
 * What a bonding driver with IPsec offload does (Linux bonding offloads xfrm only in
 * active-backup mode, to the current active slave): every job goes to the active member's engine;
 * the other engines stay idle. The reference the patent improves on.
 *
 * <p>The active member is the PRIMARY; in an ALB team, which has none, it is the first ACTIVE
 * member with its link up (bonding's current active slave). If that member's engine cannot serve,
 * the job is rejected even though other engines are healthy: that is the reference's weakness.
 */
public final class PrimaryOnlyDistributor implements Distributor {

    @Override
    public Decision choose(long jobBytes, List<MemberLoad> members) {
        Distributor.requireJobBytes(jobBytes);
        MemberLoad active = activeMember(members);
        if (active == null) {
            return new Decision.Reject("no active member: no PRIMARY and no ACTIVE member with link up");
        }
        if (!active.canServe()) {
            return new Decision.Reject("the active member " + active.memberId() + " has "
                    + (active.engineHealthy() ? "no engine rate left after team traffic" : "a failed engine"));
        }
        return active.hasCredit() ? new Decision.Dispatch(active.memberId()) : Decision.WAIT;
    }

    private static MemberLoad activeMember(List<MemberLoad> members) {
        for (MemberLoad m : members) {
            if (m.role() == Role.PRIMARY) {
                return m;
            }
        }
        for (MemberLoad m : members) {
            if (m.role() == Role.ACTIVE && m.linkUp()) {
                return m;
            }
        }
        return null;
    }

    @Override
    public String name() {
        return "primary-only";
    }
}
