package org.nicrig.host.report;

/** A secondary-use job that failed for good, with its reason (design invariant 2). */
public record JobFailure(long atNanos, long jobId, String member, String reason) {
    public JobFailure {
        member = Text.orEmpty(member);
        reason = Text.orEmpty(reason);
    }
}
