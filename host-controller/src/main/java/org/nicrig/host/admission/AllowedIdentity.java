package org.nicrig.host.admission;

import java.util.Objects;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.IdentifyReply;

/**
 * One allow-list entry (patent op. 300): a vendor and device id, a revision range and a
 * firmware version range, all inclusive.
 */
public record AllowedIdentity(String name, int vendorId, int deviceId, int minRevision, int maxRevision,
                              FirmwareVersion minFirmware, FirmwareVersion maxFirmware) {
    public AllowedIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(minFirmware, "minFirmware");
        Objects.requireNonNull(maxFirmware, "maxFirmware");
        if (minRevision > maxRevision || minFirmware.compareTo(maxFirmware) > 0) {
            throw new IllegalArgumentException(name + ": empty range (min above max)");
        }
    }

    /** Null when the identity fits this entry, else what does not fit. */
    public String mismatch(IdentifyReply id) {
        var pci = id.pci();
        if (pci.vendorId() != vendorId || pci.deviceId() != deviceId) {
            return String.format("is %04x:%04x, not %04x:%04x", pci.vendorId(), pci.deviceId(), vendorId, deviceId);
        }
        if (pci.revision() < minRevision || pci.revision() > maxRevision) {
            return String.format("revision 0x%02x outside 0x%02x..0x%02x", pci.revision(), minRevision, maxRevision);
        }
        if (id.firmware().compareTo(minFirmware) < 0 || id.firmware().compareTo(maxFirmware) > 0) {
            return "firmware " + id.firmware() + " outside " + minFirmware + ".." + maxFirmware;
        }
        return null;
    }
}
