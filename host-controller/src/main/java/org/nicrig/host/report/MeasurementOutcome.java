package org.nicrig.host.report;

/**
 * A measurement judged against its limit, in OpenHTF's manner of validators: MARGINAL is within the
 * limit but inside its warning band — a pass that a report shows as a warning.
 */
public enum MeasurementOutcome {
    PASS,
    MARGINAL,
    FAIL
}
