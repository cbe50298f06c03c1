package org.nicrig.model.device;

import java.util.List;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageTarget;

/**
 * The firmware a unit ships with, in slot A (FIRMWARE-DEVICE-RULES.md D.1), as the manifest an
 * image would carry: the profile's version, capabilities and rates, the config's defects,
 * rollback counter 0. Written as a manifest so that the factory firmware and a flashed one are
 * booted by one code path.
 */
final class FactoryFirmware {
    private FactoryFirmware() {
    }

    static ImageManifest manifest(DeviceConfig c) {
        DeviceProfile p = c.profile();
        ImageCapabilities caps = p.engine()
                ? new ImageCapabilities(true, p.secondaryUse(),
                        p.ciphers().stream().map(x -> new CipherRate(x, p.rate(x))).toList(), p.integrities())
                : ImageCapabilities.NONE;
        List<String> defects = c.defects().active().stream().map(Enum::name).toList();
        return new ImageManifest(new ImageTarget(p.vendorId(), p.deviceId(), c.revision(), c.revision()), p.firmware(), 0,
                caps, defects);
    }
}
