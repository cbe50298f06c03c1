package org.nicrig.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.nicrig.host.team.distribution.Distributor;
import org.nicrig.host.team.distribution.PrimaryOnlyDistributor;
import org.nicrig.host.team.distribution.RoundRobinDistributor;
import org.nicrig.host.team.distribution.WorkloadDistributor;
import org.nicrig.host.team.distribution.simulation.DistributionSimulator;
import org.nicrig.host.team.distribution.simulation.MemberSpec;
import org.nicrig.host.team.distribution.simulation.ShareMeter;
import org.nicrig.host.team.distribution.simulation.SimulationConfig;
import org.nicrig.host.team.distribution.simulation.SimulationListener;
import org.nicrig.host.team.distribution.simulation.SimulationResult;
import org.nicrig.host.team.distribution.simulation.TeamEvent;
import org.nicrig.host.team.distribution.simulation.TeamMode;
import org.nicrig.protocol.message.FaultKind;

/**
 * {@code scripts/bench distributor [--seed N]}: secondary-use distribution in virtual time.
 *
 * <p>Teams of 2, 8 and 64 members with mixed engine rates (5 to 125 MB/s), AFT and ALB, each with
 * no failure and with one ENGINE_FAIL half-way (the fastest engine that is not the AFT primary),
 * under the workload, round-robin and primary-only policies; then a hot-swap: after 60 ms of
 * saturation the fastest non-primary member is pulled and a 12.5 MB/s 82559 plugged in, and its
 * share of the dispatched bytes over the next 10 ms and over the rest of the run is set against its
 * fair share, with the workload policy's queue horizon, with device credits only, and with neither.
 * {@code replacement_share_vs_fair} is the worst rest-of-run ratio with the horizon (the brief's
 * "period after it joins"); the {@code _10ms} figures show the burst just after the join.
 *
 * <p>Last line: {@code distributor ratio=} the lowest efficiency of the workload policy among the
 * runs with a failure (goal &ge; 0.90; without failure &ge; 0.95; replacement within 1.5x of fair).
 */
public final class DistributorBench {

    /** Engine rates, bytes/s: legacy 3DES, 82559 IPsec at 100 Mb/s, 200 Mb/s, 500 Mb/s, 1 Gb/s. */
    private static final long[] RATES = {5_000_000, 12_500_000, 25_000_000, 62_500_000, 125_000_000};
    private static final long REPLACEMENT_RATE = 12_500_000;
    private static final int[] TEAM_SIZES = {2, 8, 64};
    private static final Duration RUN = Duration.ofMillis(50);
    private static final Duration HALF = RUN.dividedBy(2);
    /** Hot-swap runs are longer, so that the backlog has built up when the replacement joins. */
    private static final Duration SWAP_RUN = Duration.ofMillis(100);
    private static final Duration SWAP_AT = Duration.ofMillis(60);
    private static final Duration SHORT_WINDOW = Duration.ofMillis(10);
    /** A queue depth no run reaches: the device never pushes back. */
    private static final int UNBOUNDED_DEPTH = 1 << 24;
    /** AFT: the team's own ESP takes 40% of the primary's engine; ALB: 30% of the team's rate. */
    private static final double AFT_TRAFFIC = 0.4;
    private static final double ALB_TRAFFIC = 0.3;

    private DistributorBench() {
    }

    public static void run(String[] args) {
        Long seed = parseSeed(args);
        if (seed == null) {
            System.err.println("usage: scripts/bench distributor [--seed N]   (N: a long, default 42)");
            System.exit(2);
            return;
        }
        long wallStart = System.nanoTime();
        double[] eff = efficiencies(seed);
        System.out.println();
        double[][] swap = hotSwaps(seed);
        int runs = TEAM_SIZES.length * TeamMode.values().length * (2 * 3 + 3); // 2 failure cases x 3 policies + 3 bounds
        System.out.printf(Locale.ROOT, "%d simulated runs in %.1f s wall time%n", runs,
                (System.nanoTime() - wallStart) / 1e9);
        System.out.printf(Locale.ROOT, "distributor ratio=%.2f eff_nofail_min=%.3f eff_fail_min=%.3f rr_max=%.3f"
                        + " primary_only_max=%.3f replacement_share_vs_fair=%.2f replacement_share_vs_fair_%dms=%.2f"
                        + " credits_only_vs_fair_%dms=%.2f unbounded_vs_fair_%dms=%.2f seed=%d%n",
                eff[1], eff[0], eff[1], eff[2], eff[3], swap[0][1], SHORT_WINDOW.toMillis(),
                swap[0][0], SHORT_WINDOW.toMillis(), swap[1][0], SHORT_WINDOW.toMillis(), swap[2][0], seed);
    }

    private static Long parseSeed(String[] args) {
        if (args.length == 0) {
            return 42L;
        }
        if (args.length == 2 && args[0].equals("--seed")) {
            try {
                return Long.parseLong(args[1]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The side-by-side table. Returns {workload min without failure, workload min with failure,
     * round-robin max, primary-only max}: the method's worst against the references' best.
     */
    private static double[] efficiencies(long seed) {
        List<Supplier<Distributor>> policies = List.of(
                WorkloadDistributor::new, RoundRobinDistributor::new, PrimaryOnlyDistributor::new);
        double[] figures = {Double.MAX_VALUE, Double.MAX_VALUE, 0, 0};
        System.out.printf(Locale.ROOT, "secondary-use distribution, seed %d, %d ms virtual per run, offered load %.1fx,"
                        + " efficiency = bytes completed / integral of healthy engines' (rate - team traffic)%n",
                seed, RUN.toMillis(), SimulationConfig.DEFAULT_OFFERED_LOAD);
        System.out.printf(Locale.ROOT, "%-4s %3s %-8s %-13s %6s %9s %9s %9s %7s %7s %6s%n", "mode", "N", "failure",
                "policy", "eff", "got MB/s", "cap MB/s", "done", "failed", "redisp", "late");
        for (int n : TEAM_SIZES) {
            List<MemberSpec> members = team(n, seed);
            for (TeamMode mode : TeamMode.values()) {
                for (boolean withFailure : new boolean[] {false, true}) {
                    List<TeamEvent> events = withFailure
                            ? List.of(new TeamEvent.Fault(HALF, fastestNonPrimary(mode, members).id(), FaultKind.ENGINE_FAIL))
                            : List.of();
                    SimulationConfig config = config(mode, members, seed, RUN, events);
                    for (Supplier<Distributor> policy : policies) {
                        SimulationResult r = DistributionSimulator.run(config, policy.get());
                        row(mode, n, withFailure, r);
                        double e = r.efficiency();
                        switch (r.policy()) {
                            case "workload" -> figures[withFailure ? 1 : 0] = Math.min(figures[withFailure ? 1 : 0], e);
                            case "round-robin" -> figures[2] = Math.max(figures[2], e);
                            default -> figures[3] = Math.max(figures[3], e);
                        }
                    }
                }
            }
        }
        return figures;
    }

    /** The hot-swap table. Returns, per queue bound, the worst {10 ms ratio, rest-of-run ratio}. */
    private static double[][] hotSwaps(long seed) {
        System.out.printf(Locale.ROOT, "hot-swap at %d ms of %d: the fastest non-primary member is replaced by a"
                + " 12.5 MB/s 82559; its share of the bytes dispatched in the next %d ms and in the rest of the run,"
                + " against fair = its rate / the team's%n", SWAP_AT.toMillis(), SWAP_RUN.toMillis(), SHORT_WINDOW.toMillis());
        System.out.printf(Locale.ROOT, "%-4s %3s %-26s %7s %8s %7s %8s %7s%n", "mode", "N", "queue bound", "fair",
                SHORT_WINDOW.toMillis() + "ms", "x fair", "rest", "x fair");
        double[][] worst = new double[3][2];
        for (int n : TEAM_SIZES) {
            List<MemberSpec> members = team(n, seed);
            for (TeamMode mode : TeamMode.values()) {
                for (int variant = 0; variant < 3; variant++) {
                    double[] ratios = hotSwap(mode, n, members, seed, variant);
                    worst[variant][0] = Math.max(worst[variant][0], ratios[0]);
                    worst[variant][1] = Math.max(worst[variant][1], ratios[1]);
                }
            }
        }
        return worst;
    }

    /** Runs one hot-swap, prints it, returns {10 ms ratio, rest-of-run ratio}. */
    private static double[] hotSwap(TeamMode mode, int n, List<MemberSpec> members, long seed, int variant) {
        List<MemberSpec> specs = variant != 2 ? members
                : members.stream().map(m -> new MemberSpec(m.id(), m.engineRate(), UNBOUNDED_DEPTH)).toList();
        MemberSpec out = fastestNonPrimary(mode, specs);
        MemberSpec in = new MemberSpec("new", REPLACEMENT_RATE, out.queueDepth());
        SimulationConfig config = config(mode, specs, seed, SWAP_RUN, TeamEvent.hotSwap(SWAP_AT, out.id(), in));
        ShareMeter burst = new ShareMeter("new", SWAP_AT, SWAP_AT.plus(SHORT_WINDOW));
        ShareMeter rest = new ShareMeter("new", SWAP_AT, SWAP_RUN);
        Distributor policy = variant == 0 ? new WorkloadDistributor() : WorkloadDistributor.withoutQueueHorizon();
        DistributionSimulator.run(config, policy, SimulationListener.all(burst, rest));
        String label = switch (variant) {
            case 0 -> "horizon 2 ms + 64 credits";
            case 1 -> "64 credits only";
            default -> "none (unbounded queues)";
        };
        System.out.printf(Locale.ROOT, "%-4s %3d %-26s %7.4f %8.4f %7.2f %8.4f %7.2f%n", mode, n, label,
                burst.fairShare(), burst.share(), burst.ratio(), rest.share(), rest.ratio());
        return new double[] {burst.ratio(), rest.ratio()};
    }

    private static void row(TeamMode mode, int n, boolean failure, SimulationResult r) {
        System.out.printf(Locale.ROOT, "%-4s %3d %-8s %-13s %6.3f %9.1f %9.1f %9d %7d %7d %6d%n", mode, n,
                failure ? "1 engine" : "none", r.policy(), r.efficiency(), r.achievedThroughput() / 1e6,
                r.availableCapacity() / 1e6, r.jobsCompleted(), r.jobsFailed(), r.redispatched(),
                r.lateAnswersDropped());
    }

    private static SimulationConfig config(TeamMode mode, List<MemberSpec> members, long seed, Duration run,
            List<TeamEvent> events) {
        long traffic = mode == TeamMode.AFT
                ? Math.round(AFT_TRAFFIC * members.get(0).engineRate())
                : Math.round(ALB_TRAFFIC * members.stream().mapToLong(MemberSpec::engineRate).sum());
        return SimulationConfig.builder(mode, members).duration(run).teamTrafficLoad(traffic).events(events)
                .seed(seed).build();
    }

    /** n members with rates from {@link #RATES}: the first five a shuffle of them, the rest at random. */
    static List<MemberSpec> team(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] shuffled = RATES.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        List<MemberSpec> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long rate = i < shuffled.length ? shuffled[i] : RATES[random.nextInt(RATES.length)];
            members.add(new MemberSpec("m" + i, rate));
        }
        return members;
    }

    /** The fastest member that is not the AFT primary (member 0); the fastest of all in ALB. */
    private static MemberSpec fastestNonPrimary(TeamMode mode, List<MemberSpec> members) {
        MemberSpec best = null;
        for (int i = mode == TeamMode.AFT ? 1 : 0; i < members.size(); i++) {
            if (best == null || members.get(i).engineRate() > best.engineRate()) {
                best = members.get(i);
            }
        }
        return best;
    }
}
