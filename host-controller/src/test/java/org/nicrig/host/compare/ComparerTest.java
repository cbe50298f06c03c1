package org.nicrig.host.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.nicrig.host.compare.Runs.conformance;
import static org.nicrig.host.compare.Runs.failover;
import static org.nicrig.host.compare.Runs.ran;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nicrig.host.report.MeasurementOutcome;
import org.nicrig.host.report.StepOutcome;

/**
 * Every rule of the decision on hand-built runs: a GO, each reason for NO-GO alone, and the
 * baseline that cannot be flashed (ERROR). Each test asserts the decision and the exact reasons.
 */
class ComparerTest {
    private static final List<String> CONFORMANCE = List.of("conformance");

    private static Comparison compare(ImageValidation baseline, ImageValidation candidate, List<String> plans) {
        return Comparer.compare("emulated", 10, "test", baseline, candidate, plans, Runs.SUITES, ComparisonSettings.DEFAULT);
    }

    @Test
    void theSameBehaviourIsAGo() {
        Comparison c = compare(ran("1.4.0", "baseline", conformance()), ran("1.5.0", "candidate", conformance()), CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.GO);
        assertThat(c.reasons()).isEmpty();
        assertThat(c.newFailures()).isEmpty();
        assertThat(c.plans()).singleElement().satisfies(p -> {
            assertThat(p.baselineVerdict()).isEqualTo("PASS");
            assertThat(p.candidateVerdict()).isEqualTo("PASS");
            assertThat(p.candidateReport()).isEqualTo("candidate/conformance/report.html");
            assertThat(p.checks()).extracting(CheckRow::trend).containsOnly(Trend.PASSING);
        });
        assertThat(c.throughput()).extracting(ThroughputFigure::suite, ThroughputFigure::work, ThroughputFigure::judgement)
                .containsExactly(
                        tuple(Runs.AES, ThroughputFigure.TRAFFIC, ThroughputFigure.Judgement.OK),
                        tuple(Runs.AES, ThroughputFigure.JOBS, ThroughputFigure.Judgement.OK),
                        tuple(Runs.DES3, ThroughputFigure.JOBS, ThroughputFigure.Judgement.OK));
        assertThat(c.throughput().get(1).baselineMbps()).as("1,724,900 bytes x 8 in 250 ms").isCloseTo(55.1968, within());
        assertThat(c.throughput().get(1).change()).isZero();
    }

    @Test
    void aCheckThatPassedOnTheBaselineAndFailsOnTheCandidateIsANoGoAndListedAsNew() {
        Runs.Run defective = conformance().failed("1 step(s) failed")
                .stepOutcome("conforms", StepOutcome.FAIL, "1 of 2 expectations failed")
                .measured("conforms", "verified_fraction", 0.25, MeasurementOutcome.FAIL)
                .verifierFailure("IV_REUSE", 3000);

        Comparison c = compare(ran("1.4.0", "baseline", conformance()), ran("1.5.1", "candidate", defective), CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.newFailures()).extracting(Finding::kind, Finding::name, Finding::baseline, Finding::candidate)
                .containsExactly(
                        tuple(CheckKind.STEP, "conforms", "PASS", "FAIL"),
                        tuple(CheckKind.EXPECTATION, "conforms: verified_fraction", "PASS", "FAIL"),
                        tuple(CheckKind.VERIFIER_CHECK, "IV_REUSE", "PASS", "FAIL"));
        assertThat(c.reasons()).containsExactly(
                "plan conformance FAIL on the candidate: 1 step(s) failed",
                "new failure in conformance: step 'conforms': PASS on the baseline, FAIL on the candidate:"
                        + " 1 of 2 expectations failed (1.0 ms)",
                "new failure in conformance: expectation 'conforms: verified_fraction': PASS on the baseline, FAIL on"
                        + " the candidate: 0.25 (limit: at least 1)",
                "new failure in conformance: verifier check 'IV_REUSE': PASS on the baseline, FAIL on the candidate:"
                        + " 3,000 of 13,700 packets and jobs failed it");
        assertThat(c.fixedFailures()).isEmpty();
        assertThat(c.stillFailing()).isEmpty();
    }

    @Test
    void aCandidatePlanThatFailsIsANoGoEvenWhenTheBaselineFailedItTheSameWay() {
        Runs.Run bad = conformance().failed("1 step(s) failed").stepOutcome("jobs-3des", StepOutcome.FAIL, "3 jobs lost");

        Comparison c = compare(ran("1.4.0", "baseline", bad), ran("1.5.0", "candidate", bad), CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.reasons()).containsExactly(
                "plan conformance FAIL on the candidate: 1 step(s) failed (it did not pass on the baseline either)");
        assertThat(c.newFailures()).isEmpty();
        assertThat(c.stillFailing()).extracting(Finding::name).containsExactly("jobs-3des");
        assertThat(c.warnings()).contains("plan conformance FAIL on the baseline: what failed there is listed as still"
                + " failing or fixed, not as new");
    }

    @Test
    void aFailureTheCandidateFixesIsAGoAndListedAsFixed() {
        Runs.Run bad = conformance().failed("1 step(s) failed").stepOutcome("jobs-3des", StepOutcome.FAIL, "3 jobs lost");

        Comparison c = compare(ran("1.4.0", "baseline", bad), ran("1.5.0", "candidate", conformance()), CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.GO);
        assertThat(c.reasons()).isEmpty();
        assertThat(c.fixedFailures()).extracting(Finding::name, Finding::baseline, Finding::candidate, Finding::detail)
                .containsExactly(tuple("jobs-3des", "FAIL", "PASS", "3 jobs lost (200.0 ms)"));
    }

    @Test
    void throughputThatFellByMoreThanTheAllowedRegressionIsANoGo() {
        Runs.Run slow = conformance().slower("jobs-aes", 500);

        Comparison c = compare(ran("1.4.0", "baseline", conformance()), ran("1.5.0", "candidate", slow), CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.reasons()).containsExactly("throughput of " + Runs.AES + " secondary-use jobs in conformance fell"
                + " 50.0 %, from 55.2 Mb/s to 27.6 Mb/s: more than the 35.0 % allowed");
        assertThat(c.throughput()).filteredOn(t -> t.work().equals(ThroughputFigure.JOBS) && t.suite().equals(Runs.AES))
                .singleElement().satisfies(t -> {
                    assertThat(t.judgement()).isEqualTo(ThroughputFigure.Judgement.REGRESSED);
                    assertThat(t.change()).isCloseTo(-0.5, within());
                    assertThat(t.steps()).containsExactly("jobs-aes");
                });
    }

    @Test
    void throughputWithinTheAllowedRegressionIsAGo() {
        Runs.Run slower = conformance().slower("jobs-aes", 300); // 1/1.2 of the rate: 16.7 % slower

        Comparison c = compare(ran("1.4.0", "baseline", conformance()), ran("1.5.0", "candidate", slower), CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.GO);
        assertThat(c.reasons()).isEmpty();
        assertThat(c.throughput()).extracting(ThroughputFigure::judgement).containsOnly(ThroughputFigure.Judgement.OK);
    }

    @Test
    void theAllowedRegressionIsASetting() {
        Runs.Run slower = conformance().slower("jobs-aes", 300);
        Comparison c = Comparer.compare("emulated", 10, "test", ran("1.4.0", "baseline", conformance()),
                ran("1.5.0", "candidate", slower), CONFORMANCE, Runs.SUITES, ComparisonSettings.DEFAULT.withMaxRegression(0.10));

        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.reasons()).containsExactly("throughput of " + Runs.AES + " secondary-use jobs in conformance fell"
                + " 16.7 %, from 55.2 Mb/s to 46.0 Mb/s: more than the 10.0 % allowed");
        assertThat(c.maxRegression()).isEqualTo(0.10);
    }

    @Test
    void aFigureMeasuredOverTooShortATimeIsShownButNotJudged() {
        Runs.Run base = conformance().slower("jobs-3des", 20);
        Runs.Run slow = conformance().slower("jobs-3des", 80); // a quarter of the rate, but 80 ms is below the 100 ms minimum

        Comparison c = compare(ran("1.4.0", "baseline", base), ran("1.5.0", "candidate", slow), CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.GO);
        assertThat(c.reasons()).isEmpty();
        assertThat(c.warnings()).containsExactly("throughput of " + Runs.DES3 + " secondary-use jobs in conformance was"
                + " measured over less than 100 ms, too short to judge; not counted");
        assertThat(c.throughput().get(2).judgement()).isEqualTo(ThroughputFigure.Judgement.TOO_SHORT);
    }

    @Test
    void aFailOverGapBeyondItsPlanLimitIsANoGoSaidOnceWithTheLimit() {
        Runs.Run late = failover().failed("1 step(s) failed")
                .stepOutcome("failed-over-on-link-down", StepOutcome.FAIL, "1 of 1 expectations failed")
                .measured("failed-over-on-link-down", "failover_gap", 812, MeasurementOutcome.FAIL);

        Comparison c = compare(ran("1.4.0", "baseline", failover()), ran("1.5.0", "candidate", late), List.of("aft-failover"));

        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.reasons()).containsExactly(
                "plan aft-failover FAIL on the candidate: 1 step(s) failed",
                "new failure in aft-failover: step 'failed-over-on-link-down': PASS on the baseline, FAIL on the"
                        + " candidate: 1 of 1 expectations failed (1.0 ms)",
                "fail-over gap in aft-failover (failed-over-on-link-down: failover_gap) was 812 ms on the candidate,"
                        + " beyond the plan's limit (at most 400 ms (marginal above 250)); the baseline's was 120 ms");
        assertThat(c.failoverGaps()).singleElement().satisfies(g -> {
            assertThat(g.baselineMs()).isEqualTo(120.0);
            assertThat(g.candidateMs()).isEqualTo(812.0);
            assertThat(g.beyondLimit()).isTrue();
        });
        assertThat(c.newFailures()).extracting(Finding::name)
                .containsExactly("failed-over-on-link-down", "failed-over-on-link-down: failover_gap");
    }

    @Test
    void aLongerGapWithinTheLimitIsAGoWithAWarningWhenItTurnsMarginal() {
        Runs.Run slower = failover().measured("failed-over-on-link-down", "failover_gap", 300, MeasurementOutcome.MARGINAL);

        Comparison c = compare(ran("1.4.0", "baseline", failover()), ran("1.5.0", "candidate", slower), List.of("aft-failover"));

        assertThat(c.decision()).isEqualTo(Decision.GO);
        assertThat(c.reasons()).isEmpty();
        assertThat(c.warnings()).containsExactly("aft-failover: expectation 'failed-over-on-link-down: failover_gap' PASS"
                + " on the baseline, MARGINAL on the candidate: 300 ms (limit: at most 400 ms (marginal above 250))");
        assertThat(c.failoverGaps().get(0).beyondLimit()).isFalse();
    }

    @Test
    void aCandidateWithALowerRollbackCounterThanTheBaselineIsANoGo() {
        // both ran on fresh memory and passed; in the field the baseline's counter is the device's floor (D.7)
        ImageValidation older = ImageValidation.ran(Runs.image("1.5.0", 4), Runs.flashed("1.5.0"),
                java.util.Map.of("conformance", conformance().run("candidate")));

        Comparison c = compare(ran("1.4.0", "baseline", conformance()), older, CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.reasons()).containsExactly("the candidate's rollback counter 4 is below the baseline's 5: "
                + "a device that runs the baseline refuses it (FW_ROLLBACK)");
        assertThat(c.newFailures()).isEmpty();
    }

    @Test
    void aCandidateThatCouldNotBeFlashedIsANoGoWithItsReason() {
        ImageValidation refused = ImageValidation.stopped(Runs.image("1.5.2"),
                List.of(new FlashRow("fpga1", FlashRow.Status.REFUSED, "1.4.0", "BAD_SIGNATURE: not signed by a trusted key")),
                "fpga1 refused it: BAD_SIGNATURE: not signed by a trusted key");

        Comparison c = compare(ran("1.4.0", "baseline", conformance()), refused, CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.reasons()).containsExactly(
                "the candidate 1.5.2 could not be validated: fpga1 refused it: BAD_SIGNATURE: not signed by a trusted key");
        assertThat(c.newFailures()).as("nothing ran to compare").isEmpty();
        assertThat(c.plans().get(0).candidateVerdict()).isEqualTo("NOT_RUN");
        assertThat(c.plans().get(0).checks()).extracting(CheckRow::trend).containsOnly(Trend.NOT_COMPARED);
        assertThat(c.throughput()).extracting(ThroughputFigure::judgement)
                .containsOnly(ThroughputFigure.Judgement.NOT_MEASURED);
        assertThat(c.candidate().failure()).startsWith("fpga1 refused it");
    }

    @Test
    void aBaselineThatCouldNotBeFlashedIsAnErrorNotAVerdictOnTheCandidate() {
        ImageValidation fellBack = ImageValidation.stopped(Runs.image("1.4.0"),
                List.of(new FlashRow("fpga1", FlashRow.Status.FELL_BACK, "1.3.0", "FW_BAD_IMAGE: self-test failed")),
                "fpga1 fell back to 1.3.0: FW_BAD_IMAGE: self-test failed");

        Comparison c = compare(fellBack, ran("1.5.0", "candidate", conformance()), CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.ERROR);
        assertThat(c.reasons()).containsExactly("the baseline 1.4.0 could not be validated, so there is nothing to"
                + " compare against: fpga1 fell back to 1.3.0: FW_BAD_IMAGE: self-test failed");
    }

    @Test
    void aPlanTheCandidateDidNotRunIsANoGo() {
        ImageValidation partial = ran("1.5.0", "candidate", conformance());

        Comparison c = compare(ran("1.4.0", "baseline", conformance(), failover()), partial,
                List.of("conformance", "aft-failover"));

        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.reasons()).containsExactly("plan aft-failover did not run on the candidate");
    }

    @Test
    void aDeviceRefusedAdmissionOnlyWithTheCandidateIsANewFailure() {
        Runs.Run refused = conformance().refused("fpga1", "firmware 2.0.0 outside 1.0.0..1.9.0");

        Comparison c = compare(ran("1.4.0", "baseline", conformance()), ran("2.0.0", "candidate", refused), CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.reasons()).containsExactly("new failure in conformance: admission of 'fpga1': ADMITTED on the"
                + " baseline, REFUSED on the candidate: 1172:e001 rev 1, fw 2.0.0: firmware 2.0.0 outside 1.0.0..1.9.0");
    }

    @Test
    void aStepTheCandidateRunNeverReachedIsMissingAndFailed() {
        Runs.Run died = conformance().failed("the run did not finish");
        died.steps.remove("jobs-3des");
        died.steps.remove("conforms");

        Comparison c = compare(ran("1.4.0", "baseline", conformance()), ran("1.5.0", "candidate", died), CONFORMANCE);

        assertThat(c.decision()).isEqualTo(Decision.NO_GO);
        assertThat(c.newFailures()).extracting(Finding::name, Finding::candidate)
                .containsExactly(tuple("jobs-3des", "MISSING"), tuple("conforms", "MISSING"));
        assertThat(c.throughput()).extracting(ThroughputFigure::suite, ThroughputFigure::judgement)
                .contains(tuple(Runs.DES3, ThroughputFigure.Judgement.NOT_MEASURED));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-3);
    }
}
