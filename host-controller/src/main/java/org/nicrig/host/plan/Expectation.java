package org.nicrig.host.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing an {@code expect} step checks. The runner switches on the three kinds.
 */
public sealed interface Expectation {

    /**
     * A known measurement within a limit: {@code {measure: failover_gap, unit: ms, at-most: 400, marginal: 300}}.
     *
     * @param member for per-member measurements (see {@link Measure.Scope})
     * @param step   measure only while that earlier step ran, instead of from the plan's start
     */
    record Measured(Measure measure, Optional<String> member, Optional<String> step, Limit limit) implements Expectation {
        public Measured {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(limit, "limit");
        }

        /** Named {@code secondary_share[fpga1]} for a member's measurement. */
        public Measurement measurement() {
            return new Measurement(measure.key() + member.map(m -> "[" + m + "]").orElse(""), measure.unit(), limit);
        }
    }

    /**
     * A raw counter, host-side or from a device's GET_STATS, within a limit:
     * {@code {counter: late_answers_dropped, at-least: 1}}. Counter names are whatever the host or
     * the device reports, so they are not checked against a list when the plan is loaded.
     */
    record Counted(String counter, Optional<String> member, Optional<String> step, Limit limit) implements Expectation {
        public Counted {
            Objects.requireNonNull(counter, "counter");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(limit, "limit");
        }

        public Measurement measurement() {
            return new Measurement(counter + member.map(m -> "[" + m + "]").orElse(""), Unit.COUNT, limit);
        }
    }

    /**
     * The member was refused admission: {@code {member-refused: plain2, reason-contains: "allow-list"}}
     * (patent op. 300).
     */
    record MemberRefused(String member, Optional<String> reasonContains) implements Expectation {
        public MemberRefused {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(reasonContains, "reasonContains");
        }
    }
}
