package org.nicrig.host.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * What both progress displays track: which step is which of how many, and the latest counters.
 * Not thread-safe: each display calls it under its own lock.
 */
final class ProgressState {
    private final Map<String, Integer> indexOfStep = new HashMap<>();
    private int steps;
    private int started;
    private long sent;
    private long verified;
    private long failed;
    private long jobsDone;
    private long jobsFailed;

    void started(int stepCount) {
        steps = stepCount;
    }

    /** "3/7" for the third step started of seven (a parallel step's children may count past seven). */
    String stepStarted(String step) {
        started++;
        indexOfStep.put(step, started);
        return position(started);
    }

    String positionOf(String step) {
        Integer i = indexOfStep.get(step);
        return i == null ? "?" : position(i);
    }

    private String position(int i) {
        return steps > 0 && i <= steps ? i + "/" + steps : String.valueOf(i);
    }

    void counters(long packetsSent, long packetsVerified, long packetsFailed, long jobsCompleted, long jobsFailedSoFar) {
        sent = packetsSent;
        verified = packetsVerified;
        failed = packetsFailed;
        jobsDone = jobsCompleted;
        jobsFailed = jobsFailedSoFar;
    }

    /** {@code sent 1200 verified 1198 failed 2 | jobs 40 (1 failed)} */
    String counters() {
        return "sent " + sent + " verified " + verified + " failed " + failed
                + " | jobs " + jobsDone + (jobsFailed > 0 ? " (" + jobsFailed + " failed)" : "");
    }

    /** Said the same by {@code run} and {@code validate-firmware}: both take {@code --seed}. */
    static String seedLine(long seed) {
        return "seed " + seed + "  (--seed " + seed + " replays this run)";
    }

    static String planLine(String plan, String rig, int steps) {
        return "plan " + plan + " on rig " + rig + ": " + steps + (steps == 1 ? " step" : " steps");
    }

    static String memberLine(String member, boolean admitted, String detail) {
        return "member " + member + ": " + (admitted ? "admitted" : "REFUSED")
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
