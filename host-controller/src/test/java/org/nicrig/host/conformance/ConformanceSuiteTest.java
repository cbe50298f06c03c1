package org.nicrig.host.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nicrig.host.conformance.ConformanceSuite.Check;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.transport.EmulatedTransportProvider;
import org.nicrig.host.transport.TransportUri;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.wire.VirtualWire;

/**
 * The proof that conformance is not a rubber stamp: a healthy device passes every check, and a
 * device carrying any one seeded defect fails the check that names it.
 */
class ConformanceSuiteTest {

    /** Which check must catch which defect (DEFECTS.md says the same). */
    static final Map<Defect, Check> CAUGHT_BY = Map.ofEntries(
            Map.entry(Defect.IV_REUSE, Check.ENCRYPT_RANDOM_IV),
            Map.entry(Defect.SEQ_NOT_INCREMENTED, Check.ENCRYPT_RANDOM_IV),
            Map.entry(Defect.ESN_HIGH_NOT_IN_ICV, Check.ESN_ROLLOVER),
            Map.entry(Defect.PAD_LENGTH_OFF_BY_ONE, Check.ENCRYPT_FIXED_IV),
            Map.entry(Defect.WRONG_NEXT_HEADER, Check.ENCRYPT_FIXED_IV),
            Map.entry(Defect.ICV_TRUNCATED_SHORT, Check.ENCRYPT_FIXED_IV),
            Map.entry(Defect.SPI_BYTE_SWAPPED, Check.ENCRYPT_FIXED_IV),
            Map.entry(Defect.REPLAY_WINDOW_OFF_BY_ONE, Check.REPLAY_WINDOW),
            Map.entry(Defect.ACCEPTS_BAD_ICV, Check.BAD_ICV_REJECTED),
            Map.entry(Defect.DROP_EVERY_NTH_JOB, Check.JOB_ACCOUNTING),
            Map.entry(Defect.JOB_ANSWERED_TWICE, Check.JOB_ACCOUNTING),
            Map.entry(Defect.MAC_NOT_RESTORED, Check.MAC_RESTORE),
            Map.entry(Defect.SA_SLOT_ALIASED_AFTER_DELETE, Check.SA_SLOT_REUSE),
            Map.entry(Defect.STATE_NOT_CLEARED_ON_RESET, Check.RESET_CLEARS_SAS));

    static List<ConformanceSuite.Result> run(String profile, String defects) throws Exception {
        String uri = "emulated:" + profile + "?mac=02:00:00:00:00:01&speed=unlimited&seed=4"
                + (defects.isEmpty() ? "" : "&defects=" + defects);
        SessionConfig config = SessionConfig.DEFAULT.withJobTimeout(java.time.Duration.ofMillis(500));
        try (DeviceSession s = new DeviceSession("dut", new EmulatedTransportProvider(new VirtualWire()).create(TransportUri.parse(uri)), config)) {
            s.open();
            return new ConformanceSuite(s, 17).run();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fpga-aes", "82559-ipsec"})
    void healthyDevicePassesEveryCheck(String profile) throws Exception {
        List<ConformanceSuite.Result> results = run(profile, "");
        assertThat(results).hasSize(Check.values().length).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    }

    @ParameterizedTest
    @EnumSource(Defect.class)
    void eachSeededDefectFailsTheCheckThatNamesIt(Defect defect) throws Exception {
        Check expected = CAUGHT_BY.get(defect);
        assertThat(expected).as("every defect has a check that catches it").isNotNull();
        List<ConformanceSuite.Result> results = run("fpga-aes", defect.name());
        ConformanceSuite.Result r = results.stream().filter(x -> x.check() == expected).findFirst().orElseThrow();
        assertThat(r.passed()).as("%s should fail %s; results %s", defect, expected, results).isFalse();
        assertThat(r.detail()).isNotBlank();
    }
}
