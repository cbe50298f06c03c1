package org.nicrig.host.team.distribution;

import java.util.List;

/** The reason given when no member can serve secondary use, shared by every policy. */
final class NoEngine {
    private NoEngine() {
    }

    /** True when at least one member has a healthy engine with rate left for secondary use. */
    static boolean anyCanServe(List<MemberLoad> members) {
        for (MemberLoad m : members) {
            if (m.canServe()) {
                return true;
            }
        }
        return false;
    }

    static Decision.Reject reject(List<MemberLoad> members) {
        if (members.isEmpty()) {
            return new Decision.Reject("the team has no members");
        }
        long healthy = members.stream().filter(MemberLoad::engineHealthy).count();
        long withEngine = members.stream().filter(m -> m.engineRate() > 0).count();
        if (withEngine == 0) {
            return new Decision.Reject("no member of " + members.size() + " has an IPsec engine");
        }
        if (healthy == 0) {
            return new Decision.Reject("every engine has failed (" + withEngine + " of "
                    + members.size() + " members have one)");
        }
        return new Decision.Reject("the team's own traffic uses all of the " + healthy
                + " healthy engine(s): no rate left for secondary use");
    }
}
