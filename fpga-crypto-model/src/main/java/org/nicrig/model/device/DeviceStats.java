package org.nicrig.model.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.nicrig.protocol.message.Counter;

/** The device's counters, reported by STATS by name. */
final class DeviceStats {
    private final Map<String, AtomicLong> counters = new ConcurrentSkipListMap<>();

    void add(String name, long delta) {
        counters.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(delta);
    }

    void inc(String name) {
        add(name, 1);
    }

    long get(String name) {
        AtomicLong v = counters.get(name);
        return v == null ? 0 : v.get();
    }

    List<Counter> snapshot() {
        List<Counter> out = new ArrayList<>();
        counters.forEach((k, v) -> out.add(new Counter(k, v.get())));
        return out;
    }
}
