package org.nicrig.host.plan;

/** The verdict on one measured value, as OpenHTF's measurement outcomes (PASS, FAIL) plus a warning band. */
public enum Outcome {
    PASS,
    /** Within the limit, but inside the marginal band: passes, and the report warns. */
    MARGINAL,
    FAIL
}
