package org.nicrig.host.report;

import java.util.List;
import java.util.Map;

/**
 * Secondary-use jobs of a run: completed per member, and the failures ({@code failures} lists at
 * most {@link RunReport#MAX_LISTED} of the {@code failed}).
 */
public record JobSummary(long completed, long failed, Map<String, Long> completedByMember,
                         List<JobFailure> failures) {
    public static final JobSummary NONE = new JobSummary(0, 0, Map.of(), List.of());

    public JobSummary {
        completedByMember = Text.sorted(completedByMember);
        failures = List.copyOf(failures);
    }
}
