package org.nicrig.host.report;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Small normalisations shared by the report records: no null texts, maps in key order. */
final class Text {
    private Text() {
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** An unmodifiable copy in key order, so JSON and tables list members and SAs alike every time. */
    static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        return map == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** The key of an SA in verdict tables: its SPI as eight hex digits (RFC 4303 §2.1: 32 bits). */
    static String spi(long spi) {
        return String.format("0x%08x", spi);
    }
}
