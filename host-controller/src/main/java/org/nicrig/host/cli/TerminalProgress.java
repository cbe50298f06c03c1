package org.nicrig.host.cli;

import java.io.PrintWriter;

/**
 * Progress on an interactive terminal: one status line rewritten in place with a carriage return
 * ({@code [3/7] failover | sent 1200 verified 1198 failed 2 | jobs 40}); the seed, admissions and
 * steps that did not pass are printed above it as lines that stay.
 */
final class TerminalProgress implements ProgressDisplay {
    /** Long step names are cut so the line fits an 80-column terminal. */
    static final int MAX_STEP_NAME = 24;

    private final PrintWriter out;
    private final ProgressState state = new ProgressState();
    private String step = "";
    private String position = "";
    private int shownLength;

    TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void started(String plan, String rig, long seed, int steps) {
        state.started(steps);
        permanent(ProgressState.seedLine(seed));
        permanent(ProgressState.planLine(plan, rig, steps));
    }

    @Override
    public synchronized void admitted(String member, boolean admitted, String detail) {
        permanent(ProgressState.memberLine(member, admitted, detail));
    }

    @Override
    public synchronized void stepStarted(String name, String type) {
        position = state.stepStarted(name);
        step = name;
        redraw();
    }

    @Override
    public synchronized void stepFinished(String name, String outcome, String message) {
        if (!"PASS".equals(outcome)) {
            permanent("step " + state.positionOf(name) + " " + name + ": " + outcome
                    + (message == null || message.isEmpty() ? "" : " - " + message));
        }
        redraw();
    }

    @Override
    public synchronized void counters(long packetsSent, long packetsVerified, long packetsFailed, long jobsCompleted,
                                      long jobsFailed) {
        state.counters(packetsSent, packetsVerified, packetsFailed, jobsCompleted, jobsFailed);
        redraw();
    }

    @Override
    public synchronized void end() {
        clear();
        out.flush();
    }

    /** The status line as it is drawn now. */
    synchronized String statusLine() {
        String name = step.length() > MAX_STEP_NAME ? step.substring(0, MAX_STEP_NAME - 1) + "~" : step;
        return (position.isEmpty() ? "" : "[" + position + "] " + name + " | ") + state.counters();
    }

    private void permanent(String line) {
        clear();
        out.println(line);
        out.flush();
    }

    private void redraw() {
        String s = statusLine();
        // overwrite what was there; pad with spaces where the old line was longer
        out.print("\r" + s + " ".repeat(Math.max(0, shownLength - s.length())));
        shownLength = s.length();
        out.flush();
    }

    private void clear() {
        if (shownLength > 0) {
            out.print("\r" + " ".repeat(shownLength) + "\r");
            shownLength = 0;
        }
    }
}
