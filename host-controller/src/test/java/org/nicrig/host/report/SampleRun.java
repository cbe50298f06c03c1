package org.nicrig.host.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A small AFT fail-over run journaled through the public API with a {@link FakeClock}: three
 * members (the third refused), traffic on the primary, a LINK_DOWN fault, a 12 ms fail-over to the
 * standby, three failed verdicts after it, jobs on both members, and measurements that pass, are
 * marginal and fail. Tests check the reports against the numbers here.
 */
final class SampleRun {
    static final RunInfo INFO = new RunInfo("failover", "ci-emulated", 42, "test");
    static final Duration GAP = Duration.ofMillis(12);
    static final long SPI_A = 0x1001;
    static final long SPI_B = 0x2002;

    final String primary;
    final String standby;
    final String refused;

    SampleRun(String primary, String standby, String refused) {
        this.primary = primary;
        this.standby = standby;
        this.refused = refused;
    }

    static SampleRun standard() {
        return new SampleRun("nic0", "nic1", "nic2");
    }

    /** Journals the run up to (and, when {@code finish}, including) run-finished. */
    Path write(Path dir, boolean finish) throws IOException {
        FakeClock clock = new FakeClock();
        RunJournal j = RunJournal.start(dir, INFO, JournalOptions.DEFAULT.withProgressInterval(Duration.ZERO), clock);
        j.stepStarted("admit", "admit");
        j.admission(primary, "8086:1229 rev 8, fw 2.1", true, true, true, "");
        j.admission(standby, "8086:1229 rev 9, fw 2.1", true, true, true, "");
        j.admission(refused, "8086:1030 rev 1", false, false, false, "8086:1030 is not on the allow-list");
        j.teamEvent(TeamEventKind.ROLE_CHANGED, primary, "primary");
        j.teamEvent(TeamEventKind.ROLE_CHANGED, standby, "standby");
        j.teamEvent(TeamEventKind.LINK_CHANGED, primary, "up");
        j.teamEvent(TeamEventKind.LINK_CHANGED, standby, "up");
        clock.advance(Duration.ofMillis(40));
        j.stepFinished("admit", "admit", StepOutcome.PASS, Duration.ofMillis(40), "");

        j.stepStarted("traffic", "traffic");
        for (int i = 1; i <= 100; i++) {
            j.packetSent(primary, "udp-1", i, 1400);
            j.packetVerified(primary, SPI_A, i, List.of(), "");
        }
        for (int i = 1; i <= 10; i++) {
            j.jobCompleted(i, standby, 1024, Duration.ofNanos(300_000), 1);
        }
        clock.advance(Duration.ofSeconds(1));
        j.progress();

        clock.advance(Duration.ofMillis(500));
        j.faultInjected(primary, "LINK_DOWN", "");
        j.teamEvent(TeamEventKind.LINK_CHANGED, primary, "down");
        clock.advance(GAP);
        j.failedOver(standby, "from " + primary, GAP);
        j.teamEvent(TeamEventKind.ROLE_CHANGED, standby, "primary");
        j.teamEvent(TeamEventKind.ROLE_CHANGED, primary, "standby");
        for (int i = 101; i <= 150; i++) {
            j.packetSent(standby, "udp-1", i, 1400);
            j.packetVerified(standby, SPI_B, i, List.of(), "");
        }
        for (int i = 151; i <= 152; i++) {
            j.packetSent(standby, "udp-1", i, 1400);
            j.packetVerified(standby, SPI_B, i, List.of("ICV"), "ICV mismatch at byte 1384");
        }
        j.packetSent(standby, "udp-1", 153, 1400);
        j.packetVerified(standby, SPI_B, 153, List.of("ICV", "PADDING"), "padding 00 00");
        for (int i = 11; i <= 15; i++) {
            j.jobCompleted(i, primary, 1024, Duration.ofNanos(350_000), i == 15 ? 2 : 1);
        }
        j.teamEvent(TeamEventKind.JOB_REDISPATCHED, primary, "job 15 from " + standby);
        j.jobFailed(16, standby, "no engine answered within 3 attempts");
        clock.advance(Duration.ofMillis(488));
        j.progress();
        if (!finish) {
            j.close();
            return j.path();
        }
        j.stepFinished("traffic", "traffic", StepOutcome.FAIL, Duration.ofMillis(2000), "3 packets failed verification",
                153, 250_000);
        j.measurement("fail-over gap", 12, "ms", "<= 50 ms", MeasurementOutcome.PASS, "traffic");
        j.measurement("throughput", 91.5, "Mbit/s", ">= 90 Mbit/s (warn < 95)", MeasurementOutcome.MARGINAL, "traffic");
        j.measurement("ICV failures", 3, "packets", "== 0", MeasurementOutcome.FAIL, "traffic");
        j.stepStarted("cleanup", "teardown");
        j.stepFinished("cleanup", "teardown", StepOutcome.SKIPPED, Duration.ZERO, "nothing to clean");
        j.finish(RunVerdict.FAIL, "3 packets failed verification");
        return j.path();
    }

    RunReport report(Path dir) throws IOException {
        return RunReport.fromJournal(JournalReader.read(write(dir, true)));
    }
}
