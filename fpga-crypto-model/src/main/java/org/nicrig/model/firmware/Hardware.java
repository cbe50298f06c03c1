package org.nicrig.model.firmware;

import java.util.List;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;

/**
 * What the silicon is, whatever firmware runs on it: the PCI identity an image's target must match
 * and the suites its engine can run, which a firmware may advertise but not exceed.
 */
public record Hardware(int vendorId, int deviceId, int revision, boolean engine, List<Cipher> ciphers,
                       List<Integrity> integrities) {
    public Hardware {
        ciphers = List.copyOf(ciphers);
        integrities = List.copyOf(integrities);
    }

    /** {@code 8086:1229 rev 0x08}, as an image target is written. */
    public String identity() {
        return String.format("%04x:%04x rev 0x%02x", vendorId, deviceId, revision);
    }
}
