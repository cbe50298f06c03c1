package org.nicrig.host.run;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a step send at its plan's rate (or as fast as it may) with a bounded number in flight,
 * until its deadline: the one loop both traffic and secondary-use steps need.
 */
final class Pacer {
    private final long intervalNanos;
    private final long deadlineNanos;
    private final Semaphore window;
    private long next = System.nanoTime();

    /** @param perSecond 0 for no rate limit; {@code window} items may be in flight at once */
    Pacer(long perSecond, int window, long deadlineNanos) {
        this.intervalNanos = perSecond > 0 ? 1_000_000_000L / perSecond : 0;
        this.deadlineNanos = deadlineNanos;
        this.window = new Semaphore(window);
    }

    /** Waits for the next item's turn and a free place in the window; false once the deadline has passed. */
    boolean next() throws InterruptedException {
        if (System.nanoTime() >= deadlineNanos) {
            return false;
        }
        if (intervalNanos > 0) {
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        return window.tryAcquire(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** An item in flight has completed (or failed): its place in the window is free. */
    void done() {
        window.release();
    }
}
