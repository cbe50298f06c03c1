package org.nicrig.host.team;

/**
 * Bytes per second over a sliding window of ten 10-ms buckets: how much of an engine the team's
 * own traffic is using, so secondary use is weighed against what is left.
 */
final class RateMeter {
    private static final long BUCKET_NANOS = 10_000_000L;
    private final long[] buckets = new long[10];
    private long currentBucket = -1;

    void add(long bytes, long nanos) {
        roll(nanos);
        buckets[(int) (currentBucket % buckets.length)] += bytes;
    }

    long bytesPerSecond(long nanos) {
        roll(nanos);
        long sum = 0;
        for (long b : buckets) {
            sum += b;
        }
        return sum * 1_000_000_000L / (BUCKET_NANOS * buckets.length);
    }

    private void roll(long nanos) {
        long bucket = nanos / BUCKET_NANOS;
        if (currentBucket < 0) {
            currentBucket = bucket;
            return;
        }
        long steps = Math.min(buckets.length, bucket - currentBucket);
        for (long i = 1; i <= steps; i++) {
            buckets[(int) ((currentBucket + i) % buckets.length)] = 0;
        }
        if (bucket > currentBucket) {
            currentBucket = bucket;
        }
    }
}
