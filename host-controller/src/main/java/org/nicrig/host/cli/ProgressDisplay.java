package org.nicrig.host.cli;

import org.nicrig.host.run.ProgressListener;

/** A progress listener that prints: a live line on a terminal, or plain lines in a log. */
sealed interface ProgressDisplay extends ProgressListener permits TerminalProgress, LineProgress {

    /** The run is over (or failed): leave the console ready for the summary. */
    void end();
}
