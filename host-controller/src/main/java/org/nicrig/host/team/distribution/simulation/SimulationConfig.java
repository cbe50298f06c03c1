package org.nicrig.host.team.distribution.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.nicrig.protocol.message.FaultKind;

/**
 * One simulated run: the team, its workload and what happens to it.
 *
 * @param mode            AFT or ALB
 * @param members         the members at the start, in team order (in AFT the first is the primary)
 * @param jobLatency      fixed per-job latency (DMA in and out, completion interrupt) added after
 *                        the engine's work; pipelined, so it costs no engine time but holds a credit
 * @param duration        the measured run: jobs arrive in [0, duration) and efficiency counts
 *                        jobs completed by then
 * @param offeredLoad     job arrival rate as a multiple of the team's secondary-use capacity at the
 *                        start; &ge; 1 keeps the team saturated with a host-side backlog
 * @param teamTrafficLoad bytes per second of the team's own traffic; its encryption takes that
 *                        much of the engines' rate (AFT: the primary's; ALB: spread by rate)
 * @param events          faults and hot-swaps, at most {@code duration} after the start
 * @param jobMix          job sizes
 * @param seed            the one seed for arrivals and sizes: same config, same result
 * @param drain           run on past {@code duration}, with no new arrivals, until every job has
 *                        completed or failed (for exactly-once checks)
 */
public record SimulationConfig(
        TeamMode mode,
        List<MemberSpec> members,
        Duration jobLatency,
        Duration duration,
        double offeredLoad,
        long teamTrafficLoad,
        List<TeamEvent> events,
        JobMix jobMix,
        long seed,
        boolean drain) {

    public static final Duration DEFAULT_JOB_LATENCY = Duration.ofNanos(20_000);
    public static final Duration DEFAULT_DURATION = Duration.ofMillis(50);
    public static final double DEFAULT_OFFERED_LOAD = 1.2;

    public SimulationConfig {
        Objects.requireNonNull(mode, "mode");
        members = List.copyOf(Objects.requireNonNull(members, "members"));
        Objects.requireNonNull(jobLatency, "jobLatency");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(jobMix, "jobMix");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a team needs at least one member");
        }
        if (jobLatency.isNegative()) {
            throw new IllegalArgumentException("jobLatency must be >= 0, was " + jobLatency);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be > 0, was " + duration);
        }
        if (!(offeredLoad > 0)) {
            throw new IllegalArgumentException("offeredLoad must be > 0, was " + offeredLoad);
        }
        if (teamTrafficLoad < 0) {
            throw new IllegalArgumentException("teamTrafficLoad must be >= 0, was " + teamTrafficLoad);
        }
        List<TeamEvent> sorted = new ArrayList<>(Objects.requireNonNull(events, "events"));
        sorted.sort(Comparator.comparing(TeamEvent::at)); // stable: same-time events keep list order
        events = List.copyOf(sorted);
        checkIds(members, events, duration);
    }

    /**
     * Member ids unique at the start; a Join only for a member not in the team at that time; every
     * fault names a member that is in the team at some point (a fault on a member that has been
     * unplugged does nothing, like pulling the cable of a card that is not there).
     */
    private static void checkIds(List<MemberSpec> members, List<TeamEvent> events, Duration duration) {
        Set<String> present = new HashSet<>();
        for (MemberSpec m : members) {
            if (!present.add(m.id())) {
                throw new IllegalArgumentException("duplicate member id " + m.id());
            }
        }
        Set<String> known = new HashSet<>(present);
        for (TeamEvent e : events) {
            if (e.at().compareTo(duration) > 0) {
                throw new IllegalArgumentException("event at " + e.at() + " is after the run's end " + duration);
            }
            if (e instanceof TeamEvent.Join j) {
                if (!present.add(j.member().id())) {
                    throw new IllegalArgumentException("member " + j.member().id() + " joins at " + j.at()
                            + " but is already in the team");
                }
                known.add(j.member().id());
            } else if (e instanceof TeamEvent.Fault f && f.kind() == FaultKind.UNPLUG) {
                present.remove(f.memberId());
            }
        }
        for (TeamEvent e : events) {
            if (e instanceof TeamEvent.Fault f && !known.contains(f.memberId())) {
                throw new IllegalArgumentException("fault " + f.kind() + " at " + f.at()
                        + " names unknown member " + f.memberId() + " (members: " + known + ")");
            }
        }
    }

    public static Builder builder(TeamMode mode, List<MemberSpec> members) {
        return new Builder(mode, members);
    }

    public Builder toBuilder() {
        return new Builder(mode, members).jobLatency(jobLatency).duration(duration).offeredLoad(offeredLoad)
                .teamTrafficLoad(teamTrafficLoad).events(events).jobMix(jobMix).seed(seed).drain(drain);
    }

    /** Defaults: 20 us latency, 50 ms run, 1.2x offered load, no team traffic, no events, IMIX. */
    public static final class Builder {
        private final TeamMode mode;
        private final List<MemberSpec> members;
        private Duration jobLatency = DEFAULT_JOB_LATENCY;
        private Duration duration = DEFAULT_DURATION;
        private double offeredLoad = DEFAULT_OFFERED_LOAD;
        private long teamTrafficLoad;
        private List<TeamEvent> events = List.of();
        private JobMix jobMix = JobMix.IMIX_WITH_JUMBO;
        private long seed = 1;
        private boolean drain;

        private Builder(TeamMode mode, List<MemberSpec> members) {
            this.mode = mode;
            this.members = members;
        }

        public Builder jobLatency(Duration v) {
            jobLatency = v;
            return this;
        }

        public Builder duration(Duration v) {
            duration = v;
            return this;
        }

        public Builder offeredLoad(double v) {
            offeredLoad = v;
            return this;
        }

        public Builder teamTrafficLoad(long v) {
            teamTrafficLoad = v;
            return this;
        }

        public Builder events(List<TeamEvent> v) {
            events = v;
            return this;
        }

        public Builder jobMix(JobMix v) {
            jobMix = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder drain(boolean v) {
            drain = v;
            return this;
        }

        public SimulationConfig build() {
            return new SimulationConfig(mode, members, jobLatency, duration, offeredLoad, teamTrafficLoad,
                    events, jobMix, seed, drain);
        }
    }
}
