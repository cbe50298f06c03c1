package org.nicrig.host.run;

import java.util.Map;
import java.util.Optional;
import org.nicrig.host.plan.Expectation;
import org.nicrig.host.plan.Measure;
import org.nicrig.host.plan.Measurement;
import org.nicrig.host.plan.Outcome;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.team.TeamEvent;
import org.nicrig.protocol.message.GetStats;
import org.nicrig.protocol.message.StatsReply;

/**
 * Turns an expectation into a number with its limit and outcome, as OpenHTF's measurements are:
 * the figure comes from the step it names (or from the whole run so far), from the team's events
 * in that step's time, or from the devices' own counters.
 */
final class Measurer {
    /** A measured value and how it fared against its limit. */
    record Result(String name, double value, String unit, String limit, Outcome outcome, String detail) {
    }

    private final RigRuntime rig;
    private final Map<String, Stats> stepStats;

    Measurer(RigRuntime rig, Map<String, Stats> stepStats) {
        this.rig = rig;
        this.stepStats = stepStats;
    }

    Result evaluate(Expectation e) {
        if (e instanceof Expectation.MemberRefused r) {
            String reason = rig.refused.get(r.member());
            boolean ok = reason != null && r.reasonContains().map(reason::contains).orElse(true);
            return new Result("member_refused[" + r.member() + "]", ok ? 1 : 0, "", "refused"
                    + r.reasonContains().map(s -> " with a reason containing '" + s + "'").orElse(""),
                    ok ? Outcome.PASS : Outcome.FAIL, reason == null ? "the member was admitted" : reason);
        }
        if (e instanceof Expectation.Counted c) {
            Measurement m = c.measurement();
            double v = counter(c.counter(), c.member(), scope(c.step()));
            return new Result(m.name(), v, "", m.limit().describe(), m.evaluate(v), "");
        }
        Expectation.Measured x = (Expectation.Measured) e;
        Measurement m = x.measurement();
        double v = measure(x.measure(), x.member(), scope(x.step()));
        return new Result(m.name(), v, x.measure().unit().symbol(), m.limit().describe(), m.evaluate(v),
                x.step().map(s -> "in step " + s).orElse("over the run so far"));
    }

    private Stats scope(Optional<String> step) {
        return step.map(stepStats::get).orElse(rig.runStats);
    }

    double measure(Measure measure, Optional<String> member, Stats s) {
        String who = member.orElse(null);
        return switch (measure) {
            case FAILOVER_GAP -> rig.events.stream().filter(TeamEvent.FailedOver.class::isInstance)
                    .map(TeamEvent.FailedOver.class::cast).filter(f -> s.contains(f.nanos()))
                    .mapToDouble(f -> f.gap().toNanos() / 1e6).max().orElse(Double.NaN);
            case VERIFIED_FRACTION -> who == null ? ratio(s.verified.sum(), s.sent.sum() - s.lostOnWire.sum())
                    : ratio(Stats.get(s.verifiedByMember, who), Stats.get(s.checkedByMember, who));
            case LOST_PACKETS -> s.lost.sum();
            case LOST_ON_WIRE -> s.lostOnWire.sum();
            case DUPLICATED_JOBS -> s.duplicates.sum() + rig.team.snapshot().join().duplicateCompletions();
            case SECONDARY_SHARE -> ratio(Stats.get(s.jobsByMember, who), s.jobs.sum());
            case THROUGHPUT -> Stats.get(s.bytesByMember, who) * 8.0 / s.seconds() / 1e6;
            case LATENCY_P50 -> s.latencyMillis(0.50);
            case LATENCY_P99 -> s.latencyMillis(0.99);
            case LATE_ANSWERS_DROPPED -> rig.events.stream().filter(TeamEvent.LateAnswerDropped.class::isInstance)
                    .map(TeamEvent.LateAnswerDropped.class::cast)
                    .filter(l -> s.contains(l.nanos()) && (who == null || who.equals(l.member()))).count();
            case REDISPATCHED_JOBS -> rig.events.stream().filter(TeamEvent.JobRedispatched.class::isInstance)
                    .map(TeamEvent.JobRedispatched.class::cast)
                    .filter(j -> s.contains(j.nanos()) && (who == null || who.equals(j.from()))).count();
            case REFUSED_MEMBERS -> rig.refused.size();
            case OFFLOADED_FRACTION -> ratio(Stats.get(s.offloadedByMember, who), Stats.get(s.packetsByMember, who));
            case MISDELIVERED_REPLIES -> s.misdelivered.sum();
            case FOREIGN_MAC_FRAMES -> rig.foreignMacFrames(s);
            case KNOWN_ANSWER_MISMATCHES -> s.knownAnswerMismatches.sum();
            case REPLAYS_ACCEPTED -> s.replaysAccepted.sum();
            case FORGERIES_ACCEPTED -> s.forgeriesAccepted.sum();
            case STALE_SA_JOBS -> s.staleSaJobs.sum();
        };
    }

    /** A counter by name: one of the runner's measures, else the devices' own STATS counter (summed, or the member's). */
    private double counter(String name, Optional<String> member, Stats s) {
        for (Measure m : Measure.values()) {
            if (m.key().equals(name)) {
                return measure(m, member, s);
            }
        }
        long total = 0;
        for (String who : member.map(java.util.List::of).orElse(rig.team.snapshot().join().members().stream()
                .filter(v -> v.alive()).map(v -> v.name()).toList())) {
            DeviceSession session = rig.session(who);
            if (session == null) {
                continue;
            }
            try {
                long v = ((StatsReply) session.call(new GetStats())).get(name);
                total += Math.max(0, v);
            } catch (SessionException e) {
                return Double.NaN;
            }
        }
        return total;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
