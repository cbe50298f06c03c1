package org.nicrig.host.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running verdict counts per member and per SA, the mutable side of {@link Counts}. Not
 * thread-safe: its owner ({@link RunJournal}, {@link JournalFold}) serialises access.
 */
final class VerdictCounter {

    private static final class Tally {
        long ok;
        long failed;
        final Map<String, Long> byCheck = new TreeMap<>();

        Tally(Counts from) {
            ok = from.ok();
            failed = from.failed();
            byCheck.putAll(from.failuresByCheck());
        }

        void add(List<String> failedChecks) {
            if (failedChecks.isEmpty()) {
                ok++;
            } else {
                failed++;
                failedChecks.forEach(c -> byCheck.merge(c, 1L, Long::sum));
            }
        }

        Counts snapshot() {
            return new Counts(ok, failed, byCheck);
        }
    }

    private final Map<String, Tally> byMember = new TreeMap<>();
    private final Map<String, Tally> bySa = new TreeMap<>();
    // formatting an SPI per packet would cost more than the rest of the count: format each once
    private final Map<Long, String> saKeys = new HashMap<>();
    private long ok;
    private long failed;

    /** Starts from earlier totals, e.g. the last progress line of a journal. */
    static VerdictCounter from(Map<String, Counts> byMember, Map<String, Counts> bySa) {
        VerdictCounter c = new VerdictCounter();
        byMember.forEach((k, v) -> c.byMember.put(k, new Tally(v)));
        bySa.forEach((k, v) -> c.bySa.put(k, new Tally(v)));
        for (Counts v : byMember.values()) {
            c.ok += v.ok();
            c.failed += v.failed();
        }
        return c;
    }

    void add(String member, long spi, List<String> failedChecks) {
        byMember.computeIfAbsent(member, m -> new Tally(Counts.NONE)).add(failedChecks);
        String sa = saKeys.computeIfAbsent(spi, Text::spi);
        bySa.computeIfAbsent(sa, s -> new Tally(Counts.NONE)).add(failedChecks);
        if (failedChecks.isEmpty()) {
            ok++;
        } else {
            failed++;
        }
    }

    long verified() {
        return ok + failed;
    }

    long failed() {
        return failed;
    }

    Map<String, Counts> byMember() {
        return snapshot(byMember);
    }

    Map<String, Counts> bySa() {
        return snapshot(bySa);
    }

    private static Map<String, Counts> snapshot(Map<String, Tally> tallies) {
        Map<String, Counts> out = new TreeMap<>();
        tallies.forEach((k, t) -> out.put(k, t.snapshot()));
        return out;
    }
}
