package org.nicrig.host.report;

/** How one plan step ended; maps onto JUnit's pass / failure / error / skipped. */
public enum StepOutcome {
    PASS,
    FAIL,
    ERROR,
    SKIPPED
}
