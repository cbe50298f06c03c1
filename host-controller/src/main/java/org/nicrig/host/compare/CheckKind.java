package org.nicrig.host.compare;

/** What a compared check is, in the run reports' terms. */
public enum CheckKind {
    /** A plan step and its outcome. */
    STEP,
    /** A measurement of an {@code expect} step against its limit. */
    EXPECTATION,
    /** One check of the Bouncy Castle reference (IV_REUSE, ICV, ...) over every packet and job verified. */
    VERIFIER_CHECK,
    /** Whether a device was admitted to the team (patent ops. 300, 302). */
    ADMISSION;

    /** For sentences: {@code step}, {@code expectation}, {@code verifier check}, {@code admission of}. */
    public String words() {
        return switch (this) {
            case STEP -> "step";
            case EXPECTATION -> "expectation";
            case VERIFIER_CHECK -> "verifier check";
            case ADMISSION -> "admission of";
        };
    }
}
