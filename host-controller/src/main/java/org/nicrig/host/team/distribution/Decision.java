package org.nicrig.host.team.distribution;

import java.util.Objects;
import java.util.Optional;

/** What a {@link Distributor} says to do with one job. */
public sealed interface Decision {

    /** Every engine that could take the job is out of credits: queue it host-side, retry on a completion. */
    Wait WAIT = new Wait();

    /** The chosen member, or empty for {@link Wait} and {@link Reject}. */
    default Optional<String> member() {
        return Optional.empty();
    }

    /** Send the job to this member now. */
    record Dispatch(String memberId) implements Decision {
        public Dispatch {
            Objects.requireNonNull(memberId, "memberId");
        }

        @Override
        public Optional<String> member() {
            return Optional.of(memberId);
        }
    }

    /** No engine has a credit now; one will, because every engine without credits has jobs outstanding. */
    record Wait() implements Decision {
    }

    /** No engine can take the job at all: fail it with this reason (design.md invariant 2). */
    record Reject(String reason) implements Decision {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
