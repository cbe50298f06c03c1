package org.nicrig.host.team.distribution.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.nicrig.host.team.distribution.MemberLoad;

/**
 * Measures one member's share of the bytes dispatched in a window (e.g. just after it joined as a
 * hot-swap replacement) against its fair share: its available rate over the sum of the available
 * rates of every member that can serve, taken from the first team snapshot in the window that
 * contains the member.
 */
public final class ShareMeter implements SimulationListener {

    private final String memberId;
    private final long fromNanos;
    private final long toNanos;
    private long memberBytes;
    private long totalBytes;
    private double fairShare = Double.NaN;

    /** Counts dispatches at times in [from, to). */
    public ShareMeter(String memberId, Duration from, Duration to) {
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.fromNanos = from.toNanos();
        this.toNanos = to.toNanos();
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("empty window [" + from + ", " + to + ")");
        }
    }

    @Override
    public void dispatched(Duration at, long jobId, int bytes, String member, int attempt) {
        long t = at.toNanos();
        if (t >= fromNanos && t < toNanos) {
            totalBytes += bytes;
            if (member.equals(memberId)) {
                memberBytes += bytes;
            }
        }
    }

    @Override
    public void teamChanged(Duration at, List<MemberLoad> members) {
        long t = at.toNanos();
        if (!Double.isNaN(fairShare) || t < fromNanos || t >= toNanos) {
            return;
        }
        long mine = -1;
        long sum = 0;
        for (MemberLoad m : members) {
            long rate = m.canServe() ? m.availableRate() : 0;
            sum += rate;
            if (m.memberId().equals(memberId)) {
                mine = rate;
            }
        }
        if (mine >= 0 && sum > 0) {
            fairShare = (double) mine / sum;
        }
    }

    /** The member's fraction of the bytes dispatched in the window. */
    public double share() {
        return totalBytes == 0 ? 0 : (double) memberBytes / totalBytes;
    }

    /** Its available rate over the team's, when it joined; NaN if it never appeared in the window. */
    public double fairShare() {
        return fairShare;
    }

    /** share / fair share: 1 is exactly fair, 1.5 the most the goal allows. */
    public double ratio() {
        return share() / fairShare;
    }
}
