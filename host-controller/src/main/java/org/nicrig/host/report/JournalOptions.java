package org.nicrig.host.report;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the journal writes.
 *
 * @param verbose          also journal every packet sent, every ok verdict and every completed job;
 *                         off by default, since a run may push millions of packets and the journal
 *                         must not grow per packet (failed verdicts and failed jobs are always written)
 * @param progressInterval how often a {@link JournalEvent.Progress} line with the running totals is
 *                         written while they change; {@link Duration#ZERO} writes one only when
 *                         {@link RunJournal#progress()} is called and at the end
 * @param fsyncEachLine    also fsync after each line, so a power loss (not just a killed process)
 *                         keeps every line; costs a disk round trip per line
 */
public record JournalOptions(boolean verbose, Duration progressInterval, boolean fsyncEachLine) {

    public static final JournalOptions DEFAULT = new JournalOptions(false, Duration.ofSeconds(1), false);

    public JournalOptions {
        Objects.requireNonNull(progressInterval, "progressInterval");
        if (progressInterval.isNegative()) {
            throw new IllegalArgumentException("progress interval must be >= 0: " + progressInterval);
        }
    }

    public JournalOptions withVerbose(boolean verbose) {
        return new JournalOptions(verbose, progressInterval, fsyncEachLine);
    }

    public JournalOptions withProgressInterval(Duration interval) {
        return new JournalOptions(verbose, interval, fsyncEachLine);
    }

    public JournalOptions withFsyncEachLine(boolean fsync) {
        return new JournalOptions(verbose, progressInterval, fsync);
    }
}
