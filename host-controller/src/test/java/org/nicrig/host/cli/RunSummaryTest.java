package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nicrig.host.report.RunVerdict;
import org.nicrig.host.report.StepOutcome;
import org.nicrig.host.report.StepResult;

/** The end-of-run summary fits one screen however long the plan. */
class RunSummaryTest {

    @Test
    void longPlanListsOnlyTheStepsThatDidNotPass() {
        List<StepResult> steps = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            steps.add(Runs.step("step-" + i, "traffic", i == 17 ? StepOutcome.FAIL : StepOutcome.PASS,
                    i == 17 ? "3 packets failed ICV" : ""));
        }
        String s = RunSummary.format(Runs.result(RunVerdict.FAIL, steps, List.of()));
        assertThat(s).contains("  FAIL  step-17  traffic  1.5 s  3 packets failed ICV\n")
                .contains("  (29 of 30 steps passed; 29 not listed)\n")
                .doesNotContain("step-3 ");
        assertThat(s.lines().count()).isLessThan(24);
    }

    @Test
    void shortPlanListsEveryStep() {
        String s = RunSummary.format(Runs.passed());
        assertThat(s).contains("aes-both-ways").contains("all-good").doesNotContain("not listed");
    }

    @Test
    void numbersHaveFourSignificantDigitsAndNoExponent() {
        assertThat(RunSummary.number(12.5)).isEqualTo("12.5");
        assertThat(RunSummary.number(1200)).isEqualTo("1200");
        assertThat(RunSummary.number(0.000_031_234)).isEqualTo("0.00003123");
        assertThat(RunSummary.number(123_456_789)).isEqualTo("123500000");
        assertThat(RunSummary.number(1.0)).isEqualTo("1");
    }
}
