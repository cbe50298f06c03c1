package org.nicrig.host.session;

import java.time.Duration;

/**
 * Timing of one device session.
 *
 * @param requestTimeout    how long a request waits for its answer
 * @param retries           extra tries for idempotent requests only ({@code MessageType.IDEMPOTENT})
 * @param jobTimeout        how long an ENCRYPT/DECRYPT job waits; a job is never retried on the
 *                          same device (the team re-dispatches it elsewhere, by job id)
 * @param heartbeatInterval time between heartbeats; {@link Duration#ZERO} disables them
 * @param heartbeatMisses   consecutive unanswered heartbeats after which the device is gone
 */
public record SessionConfig(Duration requestTimeout, int retries, Duration jobTimeout,
                            Duration heartbeatInterval, int heartbeatMisses) {

    public static final SessionConfig DEFAULT =
            new SessionConfig(Duration.ofMillis(500), 2, Duration.ofSeconds(2), Duration.ofMillis(200), 2);

    public SessionConfig {
        if (requestTimeout.isNegative() || requestTimeout.isZero() || jobTimeout.isNegative() || jobTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (retries < 0 || heartbeatMisses < 1 || heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException("retries >= 0, heartbeatMisses >= 1, heartbeatInterval >= 0");
        }
    }

    public SessionConfig withHeartbeat(Duration interval, int misses) {
        return new SessionConfig(requestTimeout, retries, jobTimeout, interval, misses);
    }

    public SessionConfig withRequestTimeout(Duration timeout) {
        return new SessionConfig(timeout, retries, jobTimeout, heartbeatInterval, heartbeatMisses);
    }

    public SessionConfig withJobTimeout(Duration timeout) {
        return new SessionConfig(requestTimeout, retries, timeout, heartbeatInterval, heartbeatMisses);
    }

    public SessionConfig withRetries(int n) {
        return new SessionConfig(requestTimeout, n, jobTimeout, heartbeatInterval, heartbeatMisses);
    }
}
