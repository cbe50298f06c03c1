package org.nicrig.host.cli;

import java.io.PrintWriter;

/** Progress as plain lines, one per event: for logs, pipes and CI consoles. */
final class LineProgress implements ProgressDisplay {
    private final PrintWriter out;
    private final ProgressState state = new ProgressState();

    LineProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void started(String plan, String rig, long seed, int steps) {
        state.started(steps);
        print(ProgressState.seedLine(seed));
        print(ProgressState.planLine(plan, rig, steps));
    }

    @Override
    public synchronized void admitted(String member, boolean admitted, String detail) {
        print(ProgressState.memberLine(member, admitted, detail));
    }

    @Override
    public synchronized void stepStarted(String step, String type) {
        print("step " + state.stepStarted(step) + " " + step + " (" + type + ") started");
    }

    @Override
    public synchronized void stepFinished(String step, String outcome, String message) {
        print("step " + state.positionOf(step) + " " + step + ": " + outcome
                + (message == null || message.isEmpty() ? "" : " - " + message) + "  [" + state.counters() + "]");
    }

    @Override
    public synchronized void counters(long packetsSent, long packetsVerified, long packetsFailed, long jobsCompleted,
                                      long jobsFailed) {
        // a log gets them with each step's end, not once a second
        state.counters(packetsSent, packetsVerified, packetsFailed, jobsCompleted, jobsFailed);
    }

    @Override
    public synchronized void end() {
        out.flush();
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }
}
