package org.nicrig.model.device;

import java.util.Objects;
import org.nicrig.model.defect.Defects;
import org.nicrig.model.firmware.Hardware;
import org.nicrig.model.firmware.NonVolatileMemory;
import org.nicrig.model.firmware.TrustedKey;
import org.nicrig.protocol.message.MacAddress;

/**
 * A device: a profile plus what differs on this unit.
 *
 * @param speed      how much faster than real time the performance model runs (1 = real time);
 *                   {@link Double#POSITIVE_INFINITY} runs jobs as fast as the host CPU allows
 * @param seed       seeds everything random in the device (IVs unless fixed, GARBLE, the choices
 *                   of the defects a flashed image carries)
 * @param defects    seeded defects of the factory firmware (DEFECTS.md); {@link Defects#NONE} for a
 *                   good one. A flashed image brings its own (its manifest's modelDefects) instead
 * @param nvm        what the unit keeps across power-off: firmware slots, rollback floor, EEPROM.
 *                   Every {@link Device} made from this config (or a {@code with...} copy of it)
 *                   shares it, so a device powered on again after UNPLUG finds what it had
 * @param trustedKey the key firmware images must be signed with (FIRMWARE-DEVICE-RULES.md)
 */
public record DeviceConfig(DeviceProfile profile, MacAddress mac, int revision, double speed, long seed, Defects defects,
                           NonVolatileMemory nvm, TrustedKey trustedKey) {
    public DeviceConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(defects, "defects");
        Objects.requireNonNull(nvm, "nvm");
        Objects.requireNonNull(trustedKey, "trustedKey");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0 (Infinity for unlimited): " + speed);
        }
    }

    /** A unit with a fresh in-memory {@link NonVolatileMemory} that trusts {@link TrustedKey#DEVELOPMENT}. */
    public DeviceConfig(DeviceProfile profile, MacAddress mac, int revision, double speed, long seed, Defects defects) {
        this(profile, mac, revision, speed, seed, defects, NonVolatileMemory.inMemory(), TrustedKey.DEVELOPMENT);
    }

    public static DeviceConfig of(DeviceProfile profile, MacAddress mac) {
        return new DeviceConfig(profile, mac, profile.revision(), 1.0, 1L, Defects.NONE);
    }

    public DeviceConfig withSpeed(double newSpeed) {
        return new DeviceConfig(profile, mac, revision, newSpeed, seed, defects, nvm, trustedKey);
    }

    public DeviceConfig withSeed(long newSeed) {
        return new DeviceConfig(profile, mac, revision, speed, newSeed, defects, nvm, trustedKey);
    }

    public DeviceConfig withDefects(Defects newDefects) {
        return new DeviceConfig(profile, mac, revision, speed, seed, newDefects, nvm, trustedKey);
    }

    public DeviceConfig withRevision(int newRevision) {
        return new DeviceConfig(profile, mac, newRevision, speed, seed, defects, nvm, trustedKey);
    }

    /** The same unit keeping its memory elsewhere, e.g. {@code NonVolatileMemory.directory(dir)}. */
    public DeviceConfig withNvm(NonVolatileMemory newNvm) {
        return new DeviceConfig(profile, mac, revision, speed, seed, defects, newNvm, trustedKey);
    }

    public DeviceConfig withTrustedKey(TrustedKey newKey) {
        return new DeviceConfig(profile, mac, revision, speed, seed, defects, nvm, newKey);
    }

    /** The silicon, whatever firmware runs: identity and the engine's suites. */
    public Hardware hardware() {
        return new Hardware(profile.vendorId(), profile.deviceId(), revision, profile.engine(), profile.ciphers(),
                profile.integrities());
    }
}
