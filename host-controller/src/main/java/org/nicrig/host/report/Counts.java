package org.nicrig.host.report;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Verified packets for one member, one SA or the whole run: ok, failed, and failures by check name
 * (the names of {@code org.nicrig.host.verify.Check}, kept as text so reports depend on nothing but
 * the JDK). A packet that failed two checks counts once as failed and once under each check.
 */
public record Counts(long ok, long failed, Map<String, Long> failuresByCheck) {
    public static final Counts NONE = new Counts(0, 0, Map.of());

    public Counts {
        if (ok < 0 || failed < 0) {
            throw new IllegalArgumentException("counts must be >= 0: ok=" + ok + " failed=" + failed);
        }
        // sorted, so reports list checks in a stable order
        failuresByCheck = Collections.unmodifiableSortedMap(
                new TreeMap<>(Objects.requireNonNull(failuresByCheck, "failuresByCheck")));
    }

    public long packets() {
        return ok + failed;
    }

    public long failures(String check) {
        return failuresByCheck.getOrDefault(check, 0L);
    }

    public Counts plus(Counts other) {
        Map<String, Long> byCheck = new TreeMap<>(failuresByCheck);
        other.failuresByCheck.forEach((k, v) -> byCheck.merge(k, v, Long::sum));
        return new Counts(ok + other.ok, failed + other.failed, byCheck);
    }
}
