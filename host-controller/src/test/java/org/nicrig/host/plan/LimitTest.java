package org.nicrig.host.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nicrig.host.plan.Outcome.FAIL;
import static org.nicrig.host.plan.Outcome.MARGINAL;
import static org.nicrig.host.plan.Outcome.PASS;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Limit.evaluate: PASS inside the band, MARGINAL between band and limit, FAIL beyond the limit. */
class LimitTest {

    @Test
    void atMostWithMarginalBand() {
        Limit l = new Limit.AtMost(400, 300); // failover_gap at-most 400, marginal 300
        assertThat(l.evaluate(0)).isEqualTo(PASS);
        assertThat(l.evaluate(300)).isEqualTo(PASS);
        assertThat(l.evaluate(300.5)).isEqualTo(MARGINAL);
        assertThat(l.evaluate(400)).isEqualTo(MARGINAL);
        assertThat(l.evaluate(400.01)).isEqualTo(FAIL);
        assertThat(l.describe()).isEqualTo("at most 400 (marginal above 300)");
    }

    @Test
    void atLeastWithMarginalBand() {
        Limit l = new Limit.AtLeast(0.99, 0.999);
        assertThat(l.evaluate(1.0)).isEqualTo(PASS);
        assertThat(l.evaluate(0.999)).isEqualTo(PASS);
        assertThat(l.evaluate(0.995)).isEqualTo(MARGINAL);
        assertThat(l.evaluate(0.99)).isEqualTo(MARGINAL);
        assertThat(l.evaluate(0.98)).isEqualTo(FAIL);
    }

    @Test
    void inRangeWithMarginalBand() {
        Limit l = new Limit.InRange(0.4, 0.8, 0.5, 0.7); // secondary_share in-range [0.4, 0.8], marginal [0.5, 0.7]
        assertThat(l.evaluate(0.6)).isEqualTo(PASS);
        assertThat(l.evaluate(0.5)).isEqualTo(PASS);
        assertThat(l.evaluate(0.45)).isEqualTo(MARGINAL);
        assertThat(l.evaluate(0.75)).isEqualTo(MARGINAL);
        assertThat(l.evaluate(0.39)).isEqualTo(FAIL);
        assertThat(l.evaluate(0.81)).isEqualTo(FAIL);
        assertThat(l.describe()).isEqualTo("in 0.4..0.8 (marginal outside 0.5..0.7)");
    }

    @Test
    void withoutBandNothingIsMarginal() {
        assertThat(Limit.AtMost.of(400).evaluate(400)).isEqualTo(PASS);
        assertThat(Limit.AtLeast.of(1.0).evaluate(1.0)).isEqualTo(PASS);
        assertThat(Limit.InRange.of(0.4, 0.8).evaluate(0.4)).isEqualTo(PASS);
        assertThat(Limit.AtMost.of(400).describe()).isEqualTo("at most 400");
    }

    @Test
    void equalsIsExact() {
        Limit l = new Limit.EqualTo(0);
        assertThat(l.evaluate(0)).isEqualTo(PASS);
        assertThat(l.evaluate(1)).isEqualTo(FAIL);
        assertThat(l.evaluate(-0.0)).isEqualTo(PASS);
    }

    @Test
    void nothingMeasuredFails() {
        assertThat(Limit.AtMost.of(1).evaluate(Double.NaN)).isEqualTo(FAIL);
        assertThat(Limit.AtLeast.of(0).evaluate(Double.NaN)).isEqualTo(FAIL);
        assertThat(Limit.InRange.of(0, 1).evaluate(Double.NaN)).isEqualTo(FAIL);
        assertThat(new Limit.EqualTo(0).evaluate(Double.NaN)).isEqualTo(FAIL);
    }

    @Test
    void bandOutsideTheLimitIsAProgrammingError() {
        assertThatThrownBy(() -> new Limit.AtMost(400, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit.AtLeast(1.0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit.InRange(0.4, 0.8, 0.3, 0.7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limit.InRange.of(0.8, 0.4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measurementNamesItsUnit() {
        Measurement m = new Expectation.Measured(Measure.FAILOVER_GAP, java.util.Optional.empty(), java.util.Optional.empty(),
                new Limit.AtMost(400, 300)).measurement();
        assertThat(m.describe()).isEqualTo("failover_gap at most 400 ms (marginal above 300)");
        assertThat(m.evaluate(350)).isEqualTo(MARGINAL);
        Measurement share = new Expectation.Measured(Measure.SECONDARY_SHARE, java.util.Optional.of("fpga1"),
                java.util.Optional.empty(), Limit.InRange.of(0.4, 0.8)).measurement();
        assertThat(share.name()).isEqualTo("secondary_share[fpga1]");
        assertThat(share.unit()).isEqualTo(Unit.FRACTION);
    }

    @Property
    void aRangeIsTheIntersectionOfItsTwoHalves(@ForAll @DoubleRange(min = -10, max = 10) double v,
                                               @ForAll @DoubleRange(min = -5, max = 0) double low,
                                               @ForAll @DoubleRange(min = 0, max = 5) double high) {
        boolean inside = Limit.AtLeast.of(low).evaluate(v) == PASS && Limit.AtMost.of(high).evaluate(v) == PASS;
        assertThat(Limit.InRange.of(low, high).evaluate(v) == PASS).isEqualTo(inside);
    }
}
