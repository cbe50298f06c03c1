package org.nicrig.host.verify;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts verdicts per team member and per SA: packets ok, packets failed, and failures by check.
 * A packet that failed two checks counts once as failed and once under each check. Thread-safe:
 * members may be verified from several threads.
 */
public final class VerdictTally {

    /** Counts for one member, one SA or the whole run. */
    public record Counts(long ok, long failed, Map<Check, Long> failuresByCheck) {
        public static final Counts NONE = new Counts(0, 0, Map.of());

        public Counts {
            failuresByCheck = Map.copyOf(failuresByCheck);
        }

        public long packets() {
            return ok + failed;
        }

        public long failures(Check check) {
            return failuresByCheck.getOrDefault(check, 0L);
        }
    }

    private static final class Counter {
        long ok;
        long failed;
        final EnumMap<Check, Long> byCheck = new EnumMap<>(Check.class);

        void add(Verdict verdict) {
            if (verdict instanceof Verdict.Failed failed) {
                this.failed++;
                failed.failures().forEach(f -> byCheck.merge(f.check(), 1L, Long::sum));
            } else {
                ok++;
            }
        }

        Counts snapshot() {
            return new Counts(ok, failed, byCheck);
        }
    }

    private final Map<String, Counter> byMember = new TreeMap<>();
    private final Map<Long, Counter> bySa = new TreeMap<>();
    private final Counter total = new Counter();

    public synchronized void add(Verdict verdict) {
        byMember.computeIfAbsent(verdict.member(), m -> new Counter()).add(verdict);
        bySa.computeIfAbsent(verdict.spi(), s -> new Counter()).add(verdict);
        total.add(verdict);
    }

    public synchronized Counts member(String member) {
        Counter c = byMember.get(member);
        return c == null ? Counts.NONE : c.snapshot();
    }

    public synchronized Counts sa(long spi) {
        Counter c = bySa.get(spi);
        return c == null ? Counts.NONE : c.snapshot();
    }

    public synchronized Counts total() {
        return total.snapshot();
    }

    /** Members in name order, each with its counts. */
    public synchronized Map<String, Counts> byMember() {
        Map<String, Counts> out = new TreeMap<>();
        byMember.forEach((m, c) -> out.put(m, c.snapshot()));
        return out;
    }

    /** SAs in SPI order, each with its counts. */
    public synchronized Map<Long, Counts> bySa() {
        Map<Long, Counts> out = new TreeMap<>();
        bySa.forEach((s, c) -> out.put(s, c.snapshot()));
        return out;
    }
}
