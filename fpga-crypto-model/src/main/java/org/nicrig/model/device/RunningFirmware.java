package org.nicrig.model.device;

import java.util.HashMap;
import java.util.Map;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;
import org.nicrig.model.eeprom.Eeprom82559;
import org.nicrig.model.firmware.BootLoader;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.message.Cipher;

/**
 * What the running firmware built at boot: the profile the device shows (the hardware's identity,
 * SA slots, job size, credits and link with the firmware's version, capabilities and rates), its
 * seeded defects, and the SA table, engine, job pipeline and station address that depend on them.
 * A boot (power-on or FW_ACTIVATE) makes a new one, so a reboot drops SAs and queued jobs.
 */
final class RunningFirmware implements AutoCloseable {
    final BootLoader.Boot boot;
    final DeviceProfile profile;
    final Defects defects;
    final SaTable sas;
    final EngineCore core;
    final JobEngine engine;
    final JobDefects jobDefects;
    final StationAddress station;

    private RunningFirmware(BootLoader.Boot boot, DeviceProfile profile, Defects defects, DeviceConfig config,
                            Eeprom82559 eeprom) {
        this.boot = boot;
        this.profile = profile;
        this.defects = defects;
        this.sas = new SaTable(profile.saSlots(), defects);
        this.core = new EngineCore(config.seed(), defects);
        this.engine = profile.engine() ? new JobEngine(profile.name(), profile.credits(), config.speed()) : null;
        this.jobDefects = new JobDefects(defects);
        this.station = new StationAddress(eeprom, eeprom.mac(), defects);
    }

    static RunningFirmware start(DeviceConfig config, Eeprom82559 eeprom, BootLoader.Boot boot) {
        Defects defects = boot.factory() ? config.defects()
                : Defects.of(config.seed(), boot.manifest().modelDefects().stream().map(Defect::valueOf).toList());
        return new RunningFirmware(boot, effective(config.profile(), boot.manifest()), defects, config, eeprom);
    }

    /**
     * The hardware profile as this firmware drives it. A rate of 0 in the manifest means "not
     * stated": the hardware's own rate for that cipher is used.
     */
    static DeviceProfile effective(DeviceProfile hw, ImageManifest m) {
        ImageCapabilities c = m.capabilities();
        Map<Cipher, Long> rates = new HashMap<>();
        for (CipherRate r : c.ciphers()) {
            rates.put(r.cipher(), r.bytesPerSecond() > 0 ? r.bytesPerSecond() : hw.rate(r.cipher()));
        }
        return new DeviceProfile(hw.name(), hw.vendorId(), hw.deviceId(), hw.revision(), hw.subsystemVendorId(),
                hw.subsystemId(), m.version(), c.engine(), c.secondaryUse(),
                c.ciphers().stream().map(CipherRate::cipher).toList(), c.integrities(), hw.saSlots(), hw.maxJobSize(),
                hw.credits(), rates, hw.jobLatency(), hw.linkSpeedMbps());
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.reset();
            engine.close();
        }
    }
}
