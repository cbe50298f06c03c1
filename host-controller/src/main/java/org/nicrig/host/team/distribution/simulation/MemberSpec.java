package org.nicrig.host.team.distribution.simulation;

import java.util.Objects;

/**
 * A simulated member's device: its name, its engine's throughput and its job queue depth.
 *
 * @param id         unique within a simulation (a replacement needs a new id or the removed one's)
 * @param engineRate bytes per second the engine encrypts; also what it advertises
 * @param queueDepth jobs the device accepts at once: the distributor's credits
 */
public record MemberSpec(String id, long engineRate, int queueDepth) {

    /** Typical device queue depth: a 64-entry descriptor ring. */
    public static final int DEFAULT_QUEUE_DEPTH = 64;

    public MemberSpec {
        Objects.requireNonNull(id, "id");
        if (engineRate <= 0) {
            throw new IllegalArgumentException("member " + id + ": engineRate must be > 0, was " + engineRate);
        }
        if (queueDepth <= 0) {
            throw new IllegalArgumentException("member " + id + ": queueDepth must be > 0, was " + queueDepth);
        }
    }

    public MemberSpec(String id, long engineRate) {
        this(id, engineRate, DEFAULT_QUEUE_DEPTH);
    }
}
