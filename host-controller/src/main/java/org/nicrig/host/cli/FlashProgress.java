package org.nicrig.host.cli;

import java.io.PrintWriter;
import org.nicrig.host.firmware.FlashListener;

/**
 * How {@code nicrig fw flash} shows a flash going: on a terminal a bar redrawn in place
 * ({@code [##########----------]  50%  4096 of 8192 bytes}), elsewhere a line every 10% so a CI
 * log shows progress without a line per chunk.
 */
abstract sealed class FlashProgress implements FlashListener permits FlashProgress.Bar, FlashProgress.Lines {
    static final int WIDTH = 30;

    static FlashProgress of(boolean terminal, PrintWriter out) {
        return terminal ? new Bar(out) : new Lines(out);
    }

    /** The flash is over, or failed: leave the console ready for the result line. */
    abstract void end();

    static int percent(long sent, long total) {
        return total == 0 ? 100 : (int) (sent * 100 / total);
    }

    /** A bar rewritten with a carriage return, as {@link TerminalProgress} does. */
    static final class Bar extends FlashProgress {
        private final PrintWriter out;
        private int shown;

        Bar(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void progress(long sent, long total) {
            int filled = total == 0 ? WIDTH : (int) (sent * WIDTH / total);
            String line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                    + String.format("%3d%%  %d of %d bytes", percent(sent, total), sent, total);
            out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
            shown = line.length();
            out.flush();
        }

        @Override
        synchronized void end() {
            if (shown > 0) {
                out.print("\r" + " ".repeat(shown) + "\r");
                shown = 0;
            }
            out.flush();
        }
    }

    /** A line at 0% and at every further 10%. */
    static final class Lines extends FlashProgress {
        private final PrintWriter out;
        private int lastTenth = -1;

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void progress(long sent, long total) {
            int tenth = percent(sent, total) / 10;
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.println("flashing: " + tenth * 10 + "% (" + sent + " of " + total + " bytes)");
                out.flush();
            }
        }

        @Override
        synchronized void end() {
            out.flush();
        }
    }
}
