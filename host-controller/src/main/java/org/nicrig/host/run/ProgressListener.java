package org.nicrig.host.run;

/** What a run tells the console while it goes: a progress bar on a terminal, plain lines elsewhere. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() { };

    /** Once, before anything else: the seed in force, so a failure can be replayed. */
    default void started(String plan, String rig, long seed, int steps) {
    }

    default void admitted(String member, boolean admitted, String detail) {
    }

    default void stepStarted(String step, String type) {
    }

    default void stepFinished(String step, String outcome, String message) {
    }

    /** Totals so far, called about once a second while traffic flows. */
    default void counters(long packetsSent, long packetsVerified, long packetsFailed, long jobsCompleted, long jobsFailed) {
    }
}
