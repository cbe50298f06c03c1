package org.nicrig.host.cli;

/**
 * nicrig's exit statuses, the same for every command, so a CI script can tell "the device failed"
 * (1) from "the rig or plan is wrong" (2) from "nicrig itself broke" (3).
 */
public final class ExitCode {
    /** Everything passed: every step and limit, every device admitted, every file valid. */
    public static final int OK = 0;
    /** A run's verdict was not PASS, or probe found a device refused, unreachable or not as the rig expects. */
    public static final int FAILED = 1;
    /** Bad arguments, or a rig or plan file with errors (each printed file:line:col: path: message). */
    public static final int USAGE = 2;
    /** A bug in nicrig: one line on stderr, the stack trace with --debug. */
    public static final int INTERNAL = 3;

    /** The exit-status paragraph every command's help ends with. */
    static final String[] FOOTER = {
        "",
        "Exit status: 0 all passed, 1 a verdict failed (or a device was refused or unreachable),",
        "2 bad arguments or a rig/plan error, 3 internal error (--debug shows its stack trace).",
    };

    private ExitCode() {
    }
}
