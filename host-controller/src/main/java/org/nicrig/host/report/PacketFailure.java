package org.nicrig.host.report;

import java.util.List;
import java.util.Objects;

/** One packet that failed verification, as the report lists it. */
public record PacketFailure(long atNanos, String member, long spi, long seq, List<String> checks, String detail) {
    public PacketFailure {
        Objects.requireNonNull(member, "member");
        checks = List.copyOf(checks);
        detail = Text.orEmpty(detail);
    }
}
