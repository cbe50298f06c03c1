package org.nicrig.host.report;

import java.util.Objects;

/**
 * What identifies a run in the first journal line and in every report. The runner picks a seed even
 * when the plan gives none, and records it, so that any run can be replayed (design invariant 6).
 */
public record RunInfo(String plan, String rig, long seed, String nicrigVersion) {

    public RunInfo {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(rig, "rig");
        nicrigVersion = Text.orEmpty(nicrigVersion);
    }

    /** With the version from the host-controller jar's manifest, or "dev" when run from classes. */
    public static RunInfo of(String plan, String rig, long seed) {
        String v = RunInfo.class.getPackage().getImplementationVersion();
        return new RunInfo(plan, rig, seed, v == null ? "dev" : v);
    }
}
