package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nicrig.host.run.ProgressListener;

/** The two progress displays, fed the same run. */
class ProgressDisplayTest {
    final StringWriter text = new StringWriter();
    final PrintWriter out = new PrintWriter(text, true);

    /** A short run: three members (one refused), a passing and a failing step, counters between. */
    private static void feed(ProgressListener p) {
        p.started("smoke", "emulated", 42, 2);
        p.admitted("fpga1", true, "engine verified, secondary use");
        p.admitted("plain2", false, "revision 0x03 outside 0x08..0x0c");
        p.stepStarted("aes-both-ways", "traffic");
        p.counters(100, 100, 0, 0, 0);
        p.stepFinished("aes-both-ways", "PASS", "");
        p.stepStarted("failover", "fault");
        p.counters(250, 248, 2, 10, 1);
        p.stepFinished("failover", "FAIL", "no fail-over within 400 ms");
    }

    @Test
    void plainLinesOnePerEventSeedFirst() {
        LineProgress p = new LineProgress(out);
        feed(p);
        p.end();
        assertThat(text.toString().lines()).containsExactly(
                "seed 42  (--seed 42 replays this run)",
                "plan smoke on rig emulated: 2 steps",
                "member fpga1: admitted (engine verified, secondary use)",
                "member plain2: REFUSED (revision 0x03 outside 0x08..0x0c)",
                "step 1/2 aes-both-ways (traffic) started",
                "step 1/2 aes-both-ways: PASS  [sent 100 verified 100 failed 0 | jobs 0]",
                "step 2/2 failover (fault) started",
                "step 2/2 failover: FAIL - no fail-over within 400 ms  [sent 250 verified 248 failed 2 | jobs 10 (1 failed)]");
        assertThat(text.toString()).doesNotContain("\r");
    }

    @Test
    void terminalRewritesOneLineAndKeepsOnlyWhatMatters() {
        TerminalProgress p = new TerminalProgress(out);
        feed(p);
        assertThat(p.statusLine()).isEqualTo("[2/2] failover | sent 250 verified 248 failed 2 | jobs 10 (1 failed)");
        p.end();
        String s = text.toString();
        // what stays on the screen once every \r has moved the cursor back: seed, plan, members, the failed step
        assertThat(screen(s)).containsExactly(
                "seed 42  (--seed 42 replays this run)",
                "plan smoke on rig emulated: 2 steps",
                "member fpga1: admitted (engine verified, secondary use)",
                "member plain2: REFUSED (revision 0x03 outside 0x08..0x0c)",
                "step 2/2 failover: FAIL - no fail-over within 400 ms",
                "");
        assertThat(s).contains("\r[1/2] aes-both-ways | sent 100 verified 100 failed 0 | jobs 0");
        assertThat(s).doesNotContain("aes-both-ways: PASS"); // a passing step leaves no line behind
    }

    @Test
    void longStepNamesAreCutToFitTheLine() {
        TerminalProgress p = new TerminalProgress(out);
        p.started("p", "r", 1, 12);
        p.stepStarted("a-step-name-that-goes-on-and-on-and-on", "wait");
        assertThat(p.statusLine()).startsWith("[1/12] a-step-name-that-goes-o~ | ");
    }

    @Test
    void stepsBeyondTheCountAreNumberedWithoutATotal() {
        LineProgress p = new LineProgress(out);
        p.started("p", "r", 1, 1);
        p.stepStarted("together", "parallel");
        p.stepStarted("child", "traffic");
        assertThat(text.toString().lines()).contains("step 1/1 together (parallel) started", "step 2 child (traffic) started");
    }

    /** The lines a terminal would show: each \r returns to the line's start and overwrites from there. */
    private static List<String> screen(String s) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        int col = 0;
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                col = 0;
            } else if (c == '\r') {
                col = 0;
            } else {
                if (col < line.length()) {
                    line.setCharAt(col, c);
                } else {
                    line.append(c);
                }
                col++;
            }
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }
}
