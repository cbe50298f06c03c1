package org.nicrig.host.team.distribution.simulation;

/** One secondary-use job in the simulator: where it is and how often it was sent. */
final class SimJob {
    final long id;
    final int bytes;
    /** Dispatches so far; an answer carries the attempt it answers, so an older one is late. */
    int attempt;
    /** The member holding the job, or null while it waits host-side. */
    SimMember member;
    boolean done;

    SimJob(long id, int bytes) {
        this.id = id;
        this.bytes = bytes;
    }
}
