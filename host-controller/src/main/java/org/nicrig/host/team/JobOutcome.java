package org.nicrig.host.team;

import org.nicrig.protocol.message.JobResult;

/**
 * The one completion of a secondary-use or decrypt job.
 *
 * @param member   the member whose engine answered
 * @param attempts members tried, 1 when nothing failed
 */
public record JobOutcome(long jobId, String member, JobResult result, int attempts) {
}
