package org.nicrig.host.team.distribution;

/** Short ways to write member snapshots in tests. */
final class Snapshots {
    static final long MB = 1_000_000;

    private Snapshots() {
    }

    /** Healthy, link up, no team traffic. */
    static MemberLoad member(String id, Role role, long rate, long outstanding, int credits) {
        return new MemberLoad(id, role, rate, outstanding, credits, true, true, 0);
    }

    static MemberLoad linkDown(MemberLoad m) {
        return new MemberLoad(m.memberId(), m.role(), m.engineRate(), m.outstandingBytes(), m.credits(), false,
                m.engineHealthy(), m.teamTrafficLoad());
    }

    static MemberLoad engineFailed(MemberLoad m) {
        return new MemberLoad(m.memberId(), m.role(), m.engineRate(), m.outstandingBytes(), m.credits(), m.linkUp(),
                false, m.teamTrafficLoad());
    }

    static MemberLoad withTraffic(MemberLoad m, long teamTrafficLoad) {
        return new MemberLoad(m.memberId(), m.role(), m.engineRate(), m.outstandingBytes(), m.credits(), m.linkUp(),
                m.engineHealthy(), teamTrafficLoad);
    }
}
