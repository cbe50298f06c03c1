package org.nicrig.host.team.distribution.simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.nicrig.host.team.distribution.MemberLoad;
import org.nicrig.host.team.distribution.Role;

/**
 * One simulated member: an engine working through its queue in FIFO order at its available rate,
 * then the fixed latency before the host sees the answer.
 */
final class SimMember {
    final MemberSpec spec;
    Role role;
    boolean linkUp = true;
    boolean engineHealthy = true;
    /** Bytes per second of the engine taken by the team's own traffic. */
    long teamLoad;
    /** Bumped when the member loses its jobs: answers sent under an older generation are late. */
    int generation;
    /** Bumped on every (re)scheduling of the engine's finish event: older finish events are stale. */
    long engineToken;
    /** Jobs at the engine; the head is being worked on. */
    final ArrayDeque<SimJob> engineQueue = new ArrayDeque<>();
    /** Jobs the engine has done whose answers are on their way to the host (FIFO: same latency). */
    final ArrayDeque<SimJob> answering = new ArrayDeque<>();
    /** Bytes of the head job still to do, as of {@code lastAdvance}. */
    double headRemaining;
    long lastAdvance;
    /** Bytes sent and not yet answered, as the host counts them. */
    long outstandingBytes;
    /** Index in the simulator's snapshot array. */
    int slot = -1;

    SimMember(MemberSpec spec, Role role) {
        this.spec = spec;
        this.role = role;
    }

    String id() {
        return spec.id();
    }

    long availableRate() {
        return Math.max(0, spec.engineRate() - teamLoad);
    }

    int outstandingJobs() {
        return engineQueue.size() + answering.size();
    }

    MemberLoad load() {
        int credits = Math.max(0, spec.queueDepth() - outstandingJobs());
        return new MemberLoad(spec.id(), role, spec.engineRate(), outstandingBytes, credits, linkUp,
                engineHealthy, teamLoad);
    }

    /** Brings the head job's remaining work up to {@code now} at the rate in force since the last call. */
    void advance(long now) {
        if (!engineQueue.isEmpty() && engineHealthy) {
            headRemaining -= availableRate() * ((now - lastAdvance) / 1e9);
        }
        lastAdvance = now;
    }

    /** Virtual time at which the head job will be done, at the current rate. */
    long headFinish(long now) {
        double nanos = Math.max(0, headRemaining) * 1e9 / availableRate();
        return now + (long) Math.ceil(nanos);
    }

    /** Takes every job this member holds, oldest first, and makes their pending answers late. */
    List<SimJob> takeAllJobs() {
        List<SimJob> jobs = new ArrayList<>(answering);
        jobs.addAll(engineQueue);
        answering.clear();
        engineQueue.clear();
        outstandingBytes = 0;
        headRemaining = 0;
        generation++;
        engineToken++;
        return jobs;
    }
}
