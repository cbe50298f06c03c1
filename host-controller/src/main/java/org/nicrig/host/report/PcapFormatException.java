package org.nicrig.host.report;

import java.io.IOException;
import java.nio.file.Path;

/** Not a classic microsecond libpcap file, or a record that cannot be one; says where. */
public final class PcapFormatException extends IOException {
    public PcapFormatException(Path path, long offset, String reason) {
        super(path + " at byte " + offset + ": " + reason);
    }
}
