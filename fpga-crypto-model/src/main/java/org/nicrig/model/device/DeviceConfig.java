package org.nicrig.model.device;

import java.util.Objects;
import org.nicrig.model.defect.Defects;
import org.nicrig.protocol.message.MacAddress;

/**
 * A device: a profile plus what differs on this unit.
 *
 * @param speed  how much faster than real time the performance model runs (1 = real time);
 *               {@link Double#POSITIVE_INFINITY} runs jobs as fast as the host CPU allows
 * @param seed    seeds everything random in the device (IVs unless fixed, GARBLE)
 * @param defects seeded firmware defects this unit carries (DEFECTS.md); {@link Defects#NONE} for a good one
 */
public record DeviceConfig(DeviceProfile profile, MacAddress mac, int revision, double speed, long seed, Defects defects) {
    public DeviceConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(defects, "defects");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0 (Infinity for unlimited): " + speed);
        }
    }

    public static DeviceConfig of(DeviceProfile profile, MacAddress mac) {
        return new DeviceConfig(profile, mac, profile.revision(), 1.0, 1L, Defects.NONE);
    }

    public DeviceConfig withSpeed(double newSpeed) {
        return new DeviceConfig(profile, mac, revision, newSpeed, seed, defects);
    }

    public DeviceConfig withSeed(long newSeed) {
        return new DeviceConfig(profile, mac, revision, speed, newSeed, defects);
    }

    public DeviceConfig withDefects(Defects newDefects) {
        return new DeviceConfig(profile, mac, revision, speed, seed, newDefects);
    }

    public DeviceConfig withRevision(int newRevision) {
        return new DeviceConfig(profile, mac, newRevision, speed, seed, defects);
    }
}
