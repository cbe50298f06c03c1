package org.nicrig.host.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nicrig.host.report.RunReport;
import org.nicrig.host.report.RunVerdict;
import org.nicrig.model.defect.Defect;

/**
 * The shipped conformance plan, run by the real runner on the emulated rig whose two engines carry
 * one seeded firmware defect, fails — and says where: a failed expectation or a failed step names
 * the check that caught it. (The healthy rig passes it in {@link ShippedPlansTest}.)
 */
class ConformancePlanCatchesDefectsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Defect.class)
    void conformanceFailsOnEachSeededDefect(Defect defect) throws Exception {
        String rig = Files.readString(Path.of("../rigs/emulated.yaml"))
                .replace("emulated:fpga-aes?mac=02:00:00:00:00:01&seed=1",
                        "emulated:fpga-aes?mac=02:00:00:00:00:01&seed=1&speed=unlimited&defects=" + defect)
                .replace("emulated:82559-ipsec?mac=02:00:00:00:00:02&seed=2",
                        "emulated:82559-ipsec?mac=02:00:00:00:00:02&seed=2&speed=unlimited&defects=" + defect)
                .replace("job-timeout: 2s", "job-timeout: 300ms");
        Path rigFile = Files.writeString(dir.resolve("defective.yaml"), rig);
        RunResult r = Runner.run(new RunOptions(Path.of("../test-plans/conformance.yaml"), Optional.of(rigFile),
                OptionalLong.empty(), dir.resolve("out"), false, ProgressListener.NONE));
        RunReport report = r.report();
        String failures = report.steps().stream().filter(s -> !s.outcome().name().equals("PASS"))
                .map(s -> s.name() + ": " + s.message()).collect(Collectors.joining("; "))
                + " | " + report.measurements().stream().filter(m -> !m.outcome().name().equals("PASS"))
                .map(m -> m.name() + "=" + m.value()).collect(Collectors.joining(", "));
        assertThat(report.verdict()).as("%s should fail conformance", defect).isEqualTo(RunVerdict.FAIL);
        assertThat(failures).as("what failed for %s", defect).containsPattern(CAUGHT_BY.get(defect));
    }

    /** What names each defect in the run's failures (DEFECTS.md says the same). */
    private static final java.util.Map<Defect, String> CAUGHT_BY = java.util.Map.ofEntries(
            java.util.Map.entry(Defect.IV_REUSE, "verified_fraction"),
            java.util.Map.entry(Defect.SEQ_NOT_INCREMENTED, "known_answer_mismatches"),
            java.util.Map.entry(Defect.ESN_HIGH_NOT_IN_ICV, "known_answer_mismatches"),
            java.util.Map.entry(Defect.PAD_LENGTH_OFF_BY_ONE, "known_answer_mismatches"),
            java.util.Map.entry(Defect.WRONG_NEXT_HEADER, "known_answer_mismatches"),
            java.util.Map.entry(Defect.ICV_TRUNCATED_SHORT, "known_answer_mismatches"),
            java.util.Map.entry(Defect.SPI_BYTE_SWAPPED, "known_answer_mismatches"),
            java.util.Map.entry(Defect.REPLAY_WINDOW_OFF_BY_ONE, "replays_accepted"),
            java.util.Map.entry(Defect.ACCEPTS_BAD_ICV, "forgeries_accepted"),
            java.util.Map.entry(Defect.DROP_EVERY_NTH_JOB, "no answer within|redispatched_jobs"),
            java.util.Map.entry(Defect.JOB_ANSWERED_TWICE, "late_answers_dropped"),
            java.util.Map.entry(Defect.MAC_NOT_RESTORED, "foreign_mac_frames|misdelivered_replies"),
            java.util.Map.entry(Defect.SA_SLOT_ALIASED_AFTER_DELETE, "stale_sa_jobs"),
            java.util.Map.entry(Defect.STATE_NOT_CLEARED_ON_RESET, "stale_sa_jobs"));
}
