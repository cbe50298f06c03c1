package org.nicrig.protocol.message;

/** PCI configuration-space identity, as an allow-list matches it. */
public record PciIdentity(int vendorId, int deviceId, int revision, int subsystemVendorId, int subsystemId) {
    @Override
    public String toString() {
        return String.format("%04x:%04x rev %02x (subsystem %04x:%04x)", vendorId, deviceId, revision, subsystemVendorId, subsystemId);
    }
}
