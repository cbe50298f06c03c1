package org.nicrig.protocol.message;

import java.util.List;

/** The device's counters, self-describing so firmware can add counters without a version bump. */
public record StatsReply(List<Counter> counters) implements Response {
    public StatsReply {
        counters = List.copyOf(counters);
    }

    /** The value of the named counter, or -1 when the device does not report it. */
    public long get(String name) {
        return counters.stream().filter(c -> c.name().equals(name)).mapToLong(Counter::value).findFirst().orElse(-1);
    }

    @Override
    public MessageType type() { return MessageType.STATS; }
}
