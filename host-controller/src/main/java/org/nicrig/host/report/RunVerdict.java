package org.nicrig.host.report;

/**
 * The verdict of a whole run. FAIL means the device or team misbehaved (a check or limit failed);
 * ERROR means the rig could not judge (a port was missing, the run crashed, the journal is
 * incomplete) — the distinction CI needs between "red" and "broken".
 */
public enum RunVerdict {
    PASS,
    FAIL,
    ERROR
}
