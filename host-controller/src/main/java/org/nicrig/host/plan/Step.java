package org.nicrig.host.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.nicrig.protocol.message.FaultKind;

/**
 * One step of a plan, chosen in YAML by its {@code type:} key. Steps run one after another; a
 * {@link Parallel} step runs its steps at the same time and finishes when all of them have.
 * Every step has a unique {@code name} and a {@code timeout}: its own if the plan gives one (it
 * must fit inside the enclosing plan's or group's), else the enclosing one's, so it is never null.
 */
public sealed interface Step {

    String name();

    Duration timeout();

    /**
     * {@code type: traffic}: team traffic between the team and the peer, verified packet by packet
     * against the Bouncy Castle reference.
     *
     * @param flows      concurrent flows (distinct UDP port pairs), which ALB spreads over members
     * @param outboundSa present for OUTBOUND and BOTH
     * @param inboundSa  present for INBOUND and BOTH
     * @param member     send (or receive) through this member only; else the team chooses
     */
    record Traffic(String name, Duration timeout, int flows, Sizes sizes, Load load, TrafficDirection direction,
                   Optional<String> outboundSa, Optional<String> inboundSa, Optional<String> member) implements Step {
        public Traffic {
            common(name, timeout);
            Objects.requireNonNull(sizes, "sizes");
            Objects.requireNonNull(load, "load");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(outboundSa, "outboundSa");
            Objects.requireNonNull(inboundSa, "inboundSa");
            Objects.requireNonNull(member, "member");
            if (flows < 1) {
                throw new IllegalArgumentException("flows must be >= 1: " + flows);
            }
        }
    }

    /**
     * {@code type: secondary}: encryption jobs from outside the team's traffic, spread over the
     * members' engines (FIG. 6); {@code sa} is an outbound SA.
     *
     * @param jobsPerSecond the pace jobs are submitted at, so a fault can be placed among them;
     *                      empty: as fast as the engines' credits allow
     */
    record Secondary(String name, Duration timeout, long jobs, Sizes sizes, String sa, OptionalLong jobsPerSecond)
            implements Step {
        public Secondary {
            common(name, timeout);
            Objects.requireNonNull(sizes, "sizes");
            Objects.requireNonNull(sa, "sa");
            Objects.requireNonNull(jobsPerSecond, "jobsPerSecond");
            if (jobs < 1 || jobsPerSecond.orElse(1) < 1) {
                throw new IllegalArgumentException("jobs and their rate must be >= 1: " + jobs + ", " + jobsPerSecond);
            }
        }
    }

    /**
     * {@code type: fault}: a fault injected into one member, named as the emulator and reports name it.
     *
     * @param duration how long a STALL lasts; {@link Duration#ZERO} for every other fault
     * @param ratePpm  GARBLE's corruption rate in parts per million; 0 for every other fault
     */
    record Fault(String name, Duration timeout, FaultKind fault, String member, Trigger trigger, Duration duration,
                 long ratePpm) implements Step {
        public Fault {
            common(name, timeout);
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * {@code type: hot-swap}: a member leaves the team, a new device joins it, or both (a
     * replacement), when its trigger fires. A new device goes through admission like any other
     * (patent ops. 300, 302).
     */
    record HotSwap(String name, Duration timeout, Trigger trigger, Optional<String> remove, Optional<NewMember> add)
            implements Step {
        public HotSwap {
            common(name, timeout);
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(remove, "remove");
            Objects.requireNonNull(add, "add");
            if (remove.isEmpty() && add.isEmpty()) {
                throw new IllegalArgumentException("a hot-swap removes or adds a member");
            }
        }
    }

    /** {@code type: wait}: does nothing for {@code duration} while earlier effects play out. */
    record Wait(String name, Duration timeout, Duration duration) implements Step {
        public Wait {
            common(name, timeout);
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** {@code type: expect}: checks measurements taken so far; a FAIL fails the plan, the run goes on. */
    record Expect(String name, Duration timeout, List<Expectation> expectations) implements Step {
        public Expect {
            common(name, timeout);
            expectations = List.copyOf(expectations);
        }
    }

    /** {@code type: parallel}: runs {@code steps} at the same time; done when all are. */
    record Parallel(String name, Duration timeout, List<Step> steps) implements Step {
        public Parallel {
            common(name, timeout);
            steps = List.copyOf(steps);
        }
    }

    /**
     * {@code type: probe}: a conformance probe on one SA (see {@link ProbeKind}).
     *
     * @param member the member to probe; else every member whose engine supports the SA
     */
    record Probe(String name, Duration timeout, ProbeKind probe, String sa, long count, Optional<String> member)
            implements Step {
        public Probe {
            common(name, timeout);
            Objects.requireNonNull(probe, "probe");
            Objects.requireNonNull(sa, "sa");
            Objects.requireNonNull(member, "member");
        }
    }

    private static void common(String name, Duration timeout) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
    }
}
