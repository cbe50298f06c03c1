package org.nicrig.host.compare;

/**
 * What a firmware comparison concludes. ERROR is neither: the baseline itself could not be
 * flashed, so there was nothing to compare the candidate against (as a run's ERROR means the rig
 * could not judge).
 */
public enum Decision {
    GO,
    NO_GO,
    ERROR;

    /** As people write it: {@code GO}, {@code NO-GO}, {@code ERROR}. */
    public String words() {
        return this == NO_GO ? "NO-GO" : name();
    }
}
