package org.nicrig.host.run;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one step (or a parallel group, or the whole run) measured. Every figure a step records
 * also goes to the group it runs in and to the run, so an expectation can ask for a step's
 * figure or the run's. Memory is bounded whatever the packet count: counters, and a fixed-size
 * reservoir of latencies.
 */
final class Stats {
    private static final int RESERVOIR = 8192;

    final String name;
    private final Stats parent;
    volatile long startNanos;
    volatile long endNanos;

    final LongAdder sent = new LongAdder();          // packets the team was asked to send or expected to receive
    final LongAdder verified = new LongAdder();      // packets verified OK
    final LongAdder failedVerdicts = new LongAdder();
    final LongAdder lost = new LongAdder();          // handed to the team and never completed
    final LongAdder lostOnWire = new LongAdder();    // sent by the peer, never delivered by any member
    final LongAdder duplicates = new LongAdder();    // a packet or job that completed twice
    final LongAdder misdelivered = new LongAdder();
    final LongAdder knownAnswerMismatches = new LongAdder();
    final LongAdder replaysAccepted = new LongAdder();
    final LongAdder forgeriesAccepted = new LongAdder();
    final LongAdder staleSaJobs = new LongAdder();
    final LongAdder jobs = new LongAdder();
    final LongAdder bytes = new LongAdder();         // plaintext bytes of the packets and jobs checked
    final Map<String, LongAdder> jobsByMember = new ConcurrentHashMap<>();
    final Map<String, LongAdder> bytesByMember = new ConcurrentHashMap<>();   // egress bytes
    final Map<String, LongAdder> packetsByMember = new ConcurrentHashMap<>(); // packets through (egress or arrival)
    final Map<String, LongAdder> offloadedByMember = new ConcurrentHashMap<>(); // of those, crypto done elsewhere
    final Map<String, LongAdder> verifiedByMember = new ConcurrentHashMap<>();
    final Map<String, LongAdder> checkedByMember = new ConcurrentHashMap<>();
    private final long[] latencies = new long[RESERVOIR];
    private final AtomicLong latencyCount = new AtomicLong();
    private final SplittableRandom reservoirRandom = new SplittableRandom(1);

    Stats(String name, Stats parent) {
        this.name = name;
        this.parent = parent;
    }

    Stats child(String childName) {
        return new Stats(childName, this);
    }

    private interface Action {
        void apply(Stats s);
    }

    private void up(Action a) {
        for (Stats s = this; s != null; s = s.parent) {
            a.apply(s);
        }
    }

    private static void inc(Map<String, LongAdder> m, String key, long n) {
        m.computeIfAbsent(key, k -> new LongAdder()).add(n);
    }

    static long get(Map<String, LongAdder> m, String key) {
        LongAdder a = m.get(key);
        return a == null ? 0 : a.sum();
    }

    void expected(long n) {
        up(s -> s.sent.add(n));
    }

    /** A packet through {@code member} (egress or arrival), checked with the verdict {@code ok}. */
    void packet(String member, int bytes, boolean offloaded, boolean ok, long latencyNanos) {
        up(s -> {
            (ok ? s.verified : s.failedVerdicts).increment();
            s.bytes.add(bytes);
            inc(s.bytesByMember, member, bytes);
            inc(s.packetsByMember, member, 1);
            inc(s.checkedByMember, member, 1);
            if (ok) {
                inc(s.verifiedByMember, member, 1);
            }
            if (offloaded) {
                inc(s.offloadedByMember, member, 1);
            }
            if (latencyNanos >= 0) {
                s.latency(latencyNanos);
            }
        });
    }

    void job(String member, int bytes, boolean ok, long latencyNanos) {
        up(s -> {
            s.jobs.increment();
            s.bytes.add(bytes);
            inc(s.jobsByMember, member, 1);
            (ok ? s.verified : s.failedVerdicts).increment();
            inc(s.checkedByMember, member, 1);
            if (ok) {
                inc(s.verifiedByMember, member, 1);
            }
            s.latency(latencyNanos);
        });
    }

    void lost(long n) {
        up(s -> s.lost.add(n));
    }

    void add(java.util.function.Function<Stats, LongAdder> counter, long n) {
        up(s -> counter.apply(s).add(n));
    }

    private synchronized void latency(long nanos) {
        long n = latencyCount.getAndIncrement();
        if (n < RESERVOIR) {
            latencies[(int) n] = nanos;
        } else {
            long j = reservoirRandom.nextLong(n + 1);
            if (j < RESERVOIR) {
                latencies[(int) j] = nanos;
            }
        }
    }

    /** The q-quantile of the recorded latencies in milliseconds, NaN when none. */
    synchronized double latencyMillis(double q) {
        int n = (int) Math.min(RESERVOIR, latencyCount.get());
        if (n == 0) {
            return Double.NaN;
        }
        long[] copy = Arrays.copyOf(latencies, n);
        Arrays.sort(copy);
        int index = (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
        return copy[index] / 1e6;
    }

    /** Packets and jobs checked, whatever their verdict: the items a step moved. */
    long items() {
        return verified.sum() + failedVerdicts.sum();
    }

    double seconds() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return Math.max(1e-9, (end - startNanos) / 1e9);
    }

    boolean contains(long nanos) {
        long end = endNanos == 0 ? Long.MAX_VALUE : endNanos;
        return nanos >= startNanos && nanos <= end;
    }
}
