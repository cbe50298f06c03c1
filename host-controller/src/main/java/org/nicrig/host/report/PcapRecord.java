package org.nicrig.host.report;

import java.time.Instant;

/** One packet read from a capture: timestamp, original length on the wire, and the captured bytes. */
public record PcapRecord(Instant timestamp, int originalLength, byte[] data) {
    public PcapRecord {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PcapRecord r && r.timestamp.equals(timestamp) && r.originalLength == originalLength
                && java.util.Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return timestamp.hashCode() * 31 + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "PcapRecord[" + timestamp + ", " + data.length + " of " + originalLength + " bytes]";
    }
}
