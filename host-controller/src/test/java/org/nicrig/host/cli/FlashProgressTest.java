package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FlashProgressTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    @Test
    void offATerminalALineAtEveryTenPercentAndNoMore() {
        FlashProgress p = FlashProgress.of(false, out);
        for (long sent = 0; sent <= 1000; sent += 60) {
            p.progress(sent, 1000);
        }
        p.progress(1000, 1000);
        p.end();
        assertThat(text.toString().lines()).containsExactly(
                "flashing: 0% (0 of 1000 bytes)", "flashing: 10% (120 of 1000 bytes)", "flashing: 20% (240 of 1000 bytes)",
                "flashing: 30% (300 of 1000 bytes)", "flashing: 40% (420 of 1000 bytes)", "flashing: 50% (540 of 1000 bytes)",
                "flashing: 60% (600 of 1000 bytes)", "flashing: 70% (720 of 1000 bytes)", "flashing: 80% (840 of 1000 bytes)",
                "flashing: 90% (900 of 1000 bytes)", "flashing: 100% (1000 of 1000 bytes)");
    }

    @Test
    void onATerminalOneBarRedrawnInPlaceAndClearedAtTheEnd() {
        FlashProgress p = FlashProgress.of(true, out);
        p.progress(0, 1000);
        p.progress(500, 1000);
        p.progress(1000, 1000);
        String shown = text.toString();
        assertThat(shown).doesNotContain("\n")
                .contains("\r[------------------------------]   0%  0 of 1000 bytes")
                .contains("\r[###############---------------]  50%  500 of 1000 bytes")
                .endsWith("\r[##############################] 100%  1000 of 1000 bytes");
        p.end();
        assertThat(text.toString()).endsWith("\r" + " ".repeat("[##############################] 100%  1000 of 1000 bytes".length()) + "\r");
    }
}
