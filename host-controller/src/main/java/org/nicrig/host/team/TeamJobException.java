package org.nicrig.host.team;

/**
 * A job or packet the team could not complete, with the reason. It carries the ESP sequence
 * number the team had assigned (0 for none), so a verifier that checks sequence numbers in order
 * knows that number will never arrive.
 */
public final class TeamJobException extends RuntimeException {
    private final long jobId;
    private final long sequence;

    public TeamJobException(long jobId, long sequence, String reason) {
        super("job " + jobId + " failed: " + reason, null, false, false);
        this.jobId = jobId;
        this.sequence = sequence;
    }

    public long jobId() {
        return jobId;
    }

    public long sequence() {
        return sequence;
    }
}
