package org.nicrig.protocol.image;

/**
 * Which devices an image is for: a PCI vendor and device id and a range of revisions, as the
 * device reports them in IDENTIFY (PROTOCOL.md §5.2).
 */
public record ImageTarget(int vendorId, int deviceId, int revisionMin, int revisionMax) {
    public ImageTarget {
        check(vendorId, 0xFFFF, "vendor id");
        check(deviceId, 0xFFFF, "device id");
        check(revisionMin, 0xFF, "revision");
        check(revisionMax, 0xFF, "revision");
        if (revisionMin > revisionMax) {
            throw new IllegalArgumentException(String.format("revision range 0x%02x..0x%02x is empty", revisionMin, revisionMax));
        }
    }

    private static void check(int v, int max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " " + v + " is outside 0.." + max);
        }
    }

    public boolean matches(int vendor, int device, int revision) {
        return vendor == vendorId && device == deviceId && revision >= revisionMin && revision <= revisionMax;
    }

    @Override
    public String toString() {
        return String.format("%04x:%04x rev 0x%02x..0x%02x", vendorId, deviceId, revisionMin, revisionMax);
    }
}
