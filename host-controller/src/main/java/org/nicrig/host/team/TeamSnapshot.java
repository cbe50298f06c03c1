package org.nicrig.host.team;

import java.util.List;
import org.nicrig.host.admission.AdmissionResult;
import org.nicrig.protocol.message.MacAddress;

/** The team at one moment: members, roles and the exactly-once counters. */
public record TeamSnapshot(TeamMode mode, String active, List<MemberView> members, List<AdmissionResult> admissions,
                           long completedJobs, long failedJobs, long redispatchedJobs, long lateAnswersDropped,
                           long duplicateCompletions, long failovers, int queuedJobs) {

    public record MemberView(String name, boolean alive, boolean linkUp, boolean capable, boolean engineHealthy,
                             boolean active, int sasInstalled, long jobsCompleted, long bytesCompleted,
                             long secondaryJobsCompleted, long secondaryBytesCompleted, MacAddress mac) {
    }

    public MemberView member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }
}
