package org.nicrig.host.verify;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of verifying one packet a rig member produced: {@link Ok}, or {@link Failed} with
 * every check that failed. A bad packet is a result, not an exception (style §3), so a run goes
 * on and the report counts it. Holds no key material.
 */
public sealed interface Verdict {

    /** The team member that produced the packet, as the caller named it. */
    String member();

    /** The SA the packet was verified against. */
    long spi();

    /** The packet's 64-bit sequence number (with ESN high bits), or -1 when it could not be read. */
    long sequence();

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** Every check passed. */
    record Ok(String member, long spi, long sequence) implements Verdict {
        public Ok {
            Objects.requireNonNull(member, "member");
        }

        @Override
        public String toString() {
            return "OK " + member + " spi=" + Hex.spi(spi) + " seq=" + sequence;
        }
    }

    /** At least one check failed; {@code failures} lists them in the order they were made. */
    record Failed(String member, long spi, long sequence, List<Failure> failures) implements Verdict {
        public Failed {
            Objects.requireNonNull(member, "member");
            failures = List.copyOf(failures);
            if (failures.isEmpty()) {
                throw new IllegalArgumentException("a failed verdict needs at least one failure");
            }
        }

        public Set<Check> checks() {
            Set<Check> checks = EnumSet.noneOf(Check.class);
            failures.forEach(f -> checks.add(f.check()));
            return checks;
        }

        public boolean failed(Check check) {
            return failures.stream().anyMatch(f -> f.check() == check);
        }

        @Override
        public String toString() {
            return "FAILED " + member + " spi=" + Hex.spi(spi) + " seq=" + sequence + " " + failures;
        }
    }

    static Verdict of(String member, long spi, long sequence, List<Failure> failures) {
        return failures.isEmpty()
                ? new Ok(member, spi, sequence)
                : new Failed(member, spi, sequence, failures);
    }
}
