package org.nicrig.host.report;

import java.util.List;

/**
 * A capture as {@link PcapReader} read it.
 *
 * @param tornLastRecord the file ends inside a record (a run killed mid-write); that record is not
 *                       in {@code records}
 */
public record PcapFile(int versionMajor, int versionMinor, int snaplen, int linkType, List<PcapRecord> records,
                       boolean tornLastRecord) {
    public PcapFile {
        records = List.copyOf(records);
    }
}
