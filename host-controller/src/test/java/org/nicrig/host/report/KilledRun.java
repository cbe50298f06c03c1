package org.nicrig.host.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A run that never ends, for {@link KillTest}: journals packets and captures frames as fast as it
 * can until the test kills its JVM. Not a test itself.
 */
public final class KilledRun {
    private KilledRun() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        RunJournal journal = RunJournal.start(out, SampleRun.INFO, JournalOptions.DEFAULT.withVerbose(true));
        PcapSet pcaps = PcapSet.open(out);
        journal.stepStarted("endless traffic", "traffic");
        byte[] frame = new byte[1514];
        for (long i = 1; ; i++) {
            journal.packetSent("nic0", "udp-1", i, frame.length);
            frame[20] = (byte) i;
            pcaps.member("nic0").write(Instant.now(), frame);
            journal.packetVerified("nic0", 0x1001, i, i % 100 == 0 ? List.of("ICV") : List.of(), "");
        }
    }
}
