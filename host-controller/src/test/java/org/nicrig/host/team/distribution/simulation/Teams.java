package org.nicrig.host.team.distribution.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Teams and configs the simulator tests share. */
final class Teams {
    static final long MB = 1_000_000;

    private Teams() {
    }

    /** Eight members, 5 to 125 MB/s; m0 (AFT primary) is 62.5 MB/s, m1 the fastest at 125 MB/s. */
    static List<MemberSpec> mixed8() {
        long[] rates = {62_500_000, 125 * MB, 5 * MB, 12_500_000, 25 * MB, 125 * MB, 12_500_000, 62_500_000};
        List<MemberSpec> members = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            members.add(new MemberSpec("m" + i, rates[i]));
        }
        return members;
    }

    static List<MemberSpec> equal(int n, long rate) {
        List<MemberSpec> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(new MemberSpec("m" + i, rate));
        }
        return members;
    }

    /** 20 ms, team traffic 40% of the AFT primary's engine or 30% of the ALB team's rate. */
    static SimulationConfig.Builder config(TeamMode mode, List<MemberSpec> members) {
        long total = members.stream().mapToLong(MemberSpec::engineRate).sum();
        long traffic = mode == TeamMode.AFT ? members.get(0).engineRate() * 4 / 10 : total * 3 / 10;
        return SimulationConfig.builder(mode, members).duration(Duration.ofMillis(20)).teamTrafficLoad(traffic).seed(7);
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
