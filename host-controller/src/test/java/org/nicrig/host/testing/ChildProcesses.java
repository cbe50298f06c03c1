package org.nicrig.host.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The processes this JVM started, for tests that start real ones (socat, ser2net, emulators)
 * and must leave none behind. Compares against a snapshot, so a process some earlier test
 * class left running is not blamed on the test at hand.
 */
public final class ChildProcesses {
    private static final long GRACE_MILLIS = 10_000;

    private ChildProcesses() {
    }

    /** Pids of this JVM's live descendants. */
    public static Set<Long> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /**
     * Asserts that every descendant not in {@code before} has exited. Waits a little first (a
     * hang guard, not a timing claim): a process just sent SIGKILL takes a moment to be reaped.
     */
    public static void assertNoneLeftSince(Set<Long> before) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        Set<Long> left = leftSince(before);
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            left = leftSince(before);
        }
        assertThat(left).as("processes this test started and left running: %s", describe(left)).isEmpty();
    }

    private static Set<Long> leftSince(Set<Long> before) {
        Set<Long> now = alive();
        now.removeAll(before);
        return now;
    }

    private static String describe(Set<Long> pids) {
        return pids.stream().map(pid -> pid + " " + ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?"))
                .collect(Collectors.joining("; "));
    }
}
