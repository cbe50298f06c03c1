package org.nicrig.host.team.distribution.simulation;

import java.util.List;
import org.nicrig.host.team.distribution.Role;

/**
 * Gives the members their roles and places the team's own traffic on their engines, after every
 * change to the team. A pure function of the members' state.
 */
final class TeamTraffic {

    /**
     * The most of an engine's rate team traffic takes: the device interleaves secondary jobs with
     * team packets, so queued jobs always progress. Without a floor a fail-over onto a slower
     * engine could stall the jobs it holds forever.
     */
    static final double MAX_TEAM_SHARE = 0.75;

    private TeamTraffic() {
    }

    static void apply(TeamMode mode, List<SimMember> members, long totalLoad) {
        for (SimMember m : members) {
            m.teamLoad = 0;
        }
        if (mode == TeamMode.AFT) {
            SimMember primary = choosePrimary(members);
            for (SimMember m : members) {
                m.role = m == primary ? Role.PRIMARY : Role.STANDBY;
            }
            if (primary != null && primary.linkUp) {
                place(primary, totalLoad, members);
            }
        } else {
            long rateOfLinked = 0;
            for (SimMember m : members) {
                m.role = Role.ACTIVE;
                rateOfLinked += m.linkUp ? m.spec.engineRate() : 0;
            }
            for (SimMember m : members) {
                if (m.linkUp) {
                    place(m, Math.round((double) totalLoad * m.spec.engineRate() / rateOfLinked), members);
                }
            }
        }
        for (SimMember m : members) {
            m.teamLoad = Math.min(m.teamLoad, (long) (MAX_TEAM_SHARE * m.spec.engineRate()));
        }
    }

    /**
     * AFT fail-over, as bonding's active-backup with primary_reselect=failure: the primary stays
     * while present with its link up; otherwise the first member with link up, preferring one with
     * a healthy engine. An engine failure alone does not move the primary (its link still works).
     */
    private static SimMember choosePrimary(List<SimMember> members) {
        SimMember current = null;
        for (SimMember m : members) {
            if (m.role == Role.PRIMARY) {
                current = m;
            }
        }
        if (current != null && current.linkUp) {
            return current;
        }
        SimMember linked = null;
        for (SimMember m : members) {
            if (m.linkUp && m.engineHealthy) {
                return m;
            }
            if (m.linkUp && linked == null) {
                linked = m;
            }
        }
        return linked != null ? linked : current;
    }

    /**
     * A transmitting member encrypts its traffic on its own engine; if that has failed, on the
     * healthy engine with the most rate left (FIG. 4: the payload goes to a capable member).
     */
    private static void place(SimMember sender, long load, List<SimMember> members) {
        SimMember engine = sender.engineHealthy ? sender : null;
        if (engine == null) {
            for (SimMember m : members) {
                if (m.engineHealthy && (engine == null
                        || m.spec.engineRate() - m.teamLoad > engine.spec.engineRate() - engine.teamLoad)) {
                    engine = m;
                }
            }
        }
        if (engine != null) {
            engine.teamLoad += load;
        }
    }
}
