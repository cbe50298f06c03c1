package org.nicrig.host.plan;

import java.util.List;

/** Packet or job sizes in bytes (whole IPv4 packets): a list to cycle through, or IMIX. */
public sealed interface Sizes {
    int MIN = 28;   // IPv4 + UDP headers (RFC 791, RFC 768): the smallest packet the rig builds
    int MAX = 9000; // a jumbo frame's payload

    /** {@code sizes: [64, 576, 1500]}: used in turn. */
    record Fixed(List<Integer> bytes) implements Sizes {
        public Fixed {
            bytes = List.copyOf(bytes);
            if (bytes.isEmpty() || bytes.stream().anyMatch(b -> b < MIN || b > MAX)) {
                throw new IllegalArgumentException("sizes must be " + MIN + ".." + MAX + " bytes, at least one: " + bytes);
            }
        }
    }

    /**
     * {@code sizes: imix}: "simple IMIX", 64, 576 and 1500-byte packets in the ratio 7:4:1, the
     * mix traffic generators mean by IMIX (RFC 6985 §4 gives the size letters a, d, h for them).
     */
    record Imix() implements Sizes {
        public static final List<Integer> SIZES = List.of(64, 576, 1500);
        public static final List<Integer> WEIGHTS = List.of(7, 4, 1);
    }
}
