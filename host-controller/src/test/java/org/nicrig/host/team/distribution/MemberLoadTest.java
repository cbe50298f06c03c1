package org.nicrig.host.team.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nicrig.host.team.distribution.Snapshots.MB;
import static org.nicrig.host.team.distribution.Snapshots.member;
import static org.nicrig.host.team.distribution.Snapshots.withTraffic;

import org.junit.jupiter.api.Test;

class MemberLoadTest {

    @Test
    void availableRateIsEngineRateMinusTeamTraffic() {
        MemberLoad m = withTraffic(member("p", Role.PRIMARY, 100 * MB, 0, 4), 40 * MB);
        assertThat(m.availableRate()).isEqualTo(60 * MB);
        assertThat(m.canServe()).isTrue();
    }

    @Test
    void teamTrafficAboveTheRateLeavesNothingAndTheEngineCannotServe() {
        MemberLoad m = withTraffic(member("p", Role.PRIMARY, 10 * MB, 0, 4), 12 * MB);
        assertThat(m.availableRate()).isZero();
        assertThat(m.canServe()).isFalse();
        assertThat(m.expectedCompletionSeconds(1000)).isInfinite();
    }

    @Test
    void expectedCompletionCountsOutstandingWorkAndTheJob() {
        MemberLoad m = withTraffic(member("s", Role.STANDBY, 12_500_000, 9_000, 4), 2_500_000);
        // (9000 + 1000) bytes at 10 MB/s = 1 ms
        assertThat(m.expectedCompletionSeconds(1000)).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void negativeFieldsAreRejectedNamingTheMemberAndField() {
        assertThatThrownBy(() -> new MemberLoad("eth1", Role.ACTIVE, 10, 0, -1, true, true, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eth1").hasMessageContaining("credits");
        assertThatThrownBy(() -> new MemberLoad("eth2", Role.ACTIVE, 10, -5, 1, true, true, 0))
                .hasMessageContaining("outstandingBytes");
    }
}
