package org.nicrig.protocol.message;

/** Firmware version major.minor.patch, ordered as versions are. */
public record FirmwareVersion(int major, int minor, int patch) implements Comparable<FirmwareVersion> {
    public FirmwareVersion {
        if (major < 0 || major > 255 || minor < 0 || minor > 255 || patch < 0 || patch > 0xFFFF) {
            throw new IllegalArgumentException("firmware version out of range (u8.u8.u16): " + major + "." + minor + "." + patch);
        }
    }

    /** Parses "2.1.7"; throws IllegalArgumentException naming the text. */
    public static FirmwareVersion parse(String text) {
        String[] p = text.trim().split("\\.");
        try {
            if (p.length == 3) {
                return new FirmwareVersion(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("not a firmware version (expected MAJOR.MINOR.PATCH like 2.1.7): '" + text + "'");
    }

    @Override
    public int compareTo(FirmwareVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
