package org.nicrig.host.compare;

/** How one check fared from the baseline to the candidate. */
public enum Trend {
    /** Passed on the baseline, failed on the candidate: what a new firmware must not bring. */
    NEW_FAILURE,
    /** Failed on the baseline, passes on the candidate. */
    FIXED,
    /** Failed on both. */
    STILL_FAILING,
    /** Passed on both (a marginal pass counts as a pass). */
    PASSING,
    /** One side did not run the plan (its image could not be flashed), so there is nothing to compare. */
    NOT_COMPARED;

    static Trend of(boolean baselineFailed, boolean candidateFailed) {
        if (baselineFailed) {
            return candidateFailed ? STILL_FAILING : FIXED;
        }
        return candidateFailed ? NEW_FAILURE : PASSING;
    }
}
