package org.nicrig.host.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nicrig.host.report.TimelineEntry.Kind;

/**
 * Turns state changes into timeline bands: a member's band of a kind (role, link, engine) lasts from
 * one change to the next, or to the end of the run; markers and spans are added as they are.
 */
final class TimelineBuilder {
    private record Open(long start, String label) {
    }

    private final Map<String, Map<Kind, Open>> open = new LinkedHashMap<>();
    private final List<TimelineEntry> entries = new ArrayList<>();

    /** The member's {@code kind} state becomes {@code label} at {@code at}, ending the previous band. */
    void change(String member, Kind kind, long at, String label) {
        end(member, kind, at);
        open.computeIfAbsent(member, m -> new EnumMap<>(Kind.class)).put(kind, new Open(at, label));
    }

    /** The member's {@code kind} band, if any, ends at {@code at}. */
    void end(String member, Kind kind, long at) {
        Map<Kind, Open> bands = open.get(member);
        Open o = bands == null ? null : bands.remove(kind);
        if (o != null) {
            entries.add(new TimelineEntry(member, o.start, Math.max(o.start, at), kind, o.label, 0));
        }
    }

    /** Every band of the member ends, e.g. when it is unplugged. */
    void endAll(String member, long at) {
        for (Kind k : Kind.values()) {
            end(member, k, at);
        }
    }

    void marker(String member, Kind kind, long at, String label) {
        entries.add(new TimelineEntry(member, at, at, kind, label, 0));
    }

    void span(String member, Kind kind, long start, long end, String label, long count) {
        entries.add(new TimelineEntry(member, Math.max(0, Math.min(start, end)), end, kind, label, count));
    }

    /** Ends every open band at {@code endNanos}; entries in time order, then by member and kind. */
    List<TimelineEntry> build(long endNanos) {
        for (String member : List.copyOf(open.keySet())) {
            endAll(member, endNanos);
        }
        entries.sort(Comparator.comparingLong(TimelineEntry::startNanos)
                .thenComparing(TimelineEntry::member)
                .thenComparing(TimelineEntry::kind));
        return List.copyOf(entries);
    }
}
