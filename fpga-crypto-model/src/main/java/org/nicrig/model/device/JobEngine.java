package org.nicrig.model.device;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.nicrig.protocol.message.JobResult;

/**
 * The engine's job pipeline and performance model: one job at a time, in order, each taking
 * {@code bytes / rate + latency} of device time, divided by the speed factor. The crypto is
 * computed at once; the answer is held back until the modelled completion time, so a slow
 * device is slow on the wire too. Never more jobs than the advertised credits.
 */
final class JobEngine implements AutoCloseable {

    /** One job's work: computes the result; returns null to model a job the engine loses. */
    record Work(Supplier<JobResult> compute, long modelNanos, Consumer<JobResult> done) {
    }

    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final int credits;
    private final double speed;
    private final Thread worker;
    private volatile boolean running = true;
    private volatile long epoch; // bumped by reset: jobs of an older epoch are lost
    private long dueNanos;

    JobEngine(String name, int credits, double speed) {
        this.credits = credits;
        this.speed = speed;
        this.worker = new Thread(this::run, name + "-engine");
        worker.setDaemon(true);
        worker.start();
    }

    /** False when all credits are taken: the host broke flow control. */
    boolean offer(Work work) {
        while (true) {
            int n = outstanding.get();
            if (n >= credits) {
                return false;
            }
            if (outstanding.compareAndSet(n, n + 1)) {
                break;
            }
        }
        queue.add(work);
        return true;
    }

    int freeCredits() {
        return Math.max(0, credits - outstanding.get());
    }

    /** Drops every queued job unanswered, as a reset does. */
    void reset() {
        epoch++;
        queue.clear();
        outstanding.set(0);
    }

    private void run() {
        while (running) {
            Work w;
            try {
                w = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (w == null) {
                continue;
            }
            long myEpoch = epoch;
            JobResult r;
            try {
                r = w.compute().get();
                pace(w.modelNanos());
            } finally {
                // The credit comes back before the answer leaves: the host may send the next job
                // the moment it reads this answer, and that job must find the credit free.
                if (myEpoch == epoch) {
                    outstanding.decrementAndGet();
                }
            }
            if (r != null && myEpoch == epoch && running) {
                w.done().accept(r);
            }
        }
    }

    /**
     * Holds the answer back until the modelled engine would have finished. Short waits are owed
     * rather than slept one by one (a park costs tens of microseconds, more than a small job), and
     * paid in one sleep once they add up, so the rate is right on average without the sleep's
     * granularity slowing every job.
     */
    private void pace(long modelNanos) {
        if (Double.isInfinite(speed)) {
            return;
        }
        long now = System.nanoTime();
        long service = (long) (modelNanos / speed);
        dueNanos = Math.max(now, dueNanos) + service;
        long wait = dueNanos - now;
        if (wait > MIN_SLEEP_NANOS) {
            LockSupport.parkNanos(wait);
        }
    }

    private static final long MIN_SLEEP_NANOS = 200_000;

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }
}
