package org.nicrig.model.firmware;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nicrig.model.defect.Defect;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.message.Integrity;

/**
 * The boot self-test of a firmware about to run (FIRMWARE-DEVICE-RULES.md D.5): a signed image may
 * still claim more than the hardware has, and a device that advertised a suite its engine lacks
 * would fail jobs far from the cause. So every advertised cipher and integrity must exist in the
 * hardware's engine, an engine must exist at all if one is advertised, every model defect must be
 * one this model knows, and the target must still be this hardware (a memory directory moved to
 * another profile).
 */
final class BootCheck {
    private BootCheck() {
    }

    /** Why {@code m} cannot run on {@code hw}, or empty when it can. */
    static Optional<String> failure(ImageManifest m, Hardware hw) {
        List<String> why = new ArrayList<>();
        if (!m.target().matches(hw.vendorId(), hw.deviceId(), hw.revision())) {
            why.add("built for " + m.target() + ", the hardware is " + hw.identity());
        }
        if (m.capabilities().engine() && !hw.engine()) {
            why.add("advertises an IPsec engine, the hardware has none");
        } else {
            for (CipherRate r : m.capabilities().ciphers()) {
                if (!hw.ciphers().contains(r.cipher())) {
                    why.add("advertises " + r.cipher() + ", which the hardware's engine does not implement");
                }
            }
            for (Integrity i : m.capabilities().integrities()) {
                if (!hw.integrities().contains(i)) {
                    why.add("advertises " + i + ", which the hardware's engine does not implement");
                }
            }
        }
        List<String> known = Arrays.stream(Defect.values()).map(Enum::name).toList();
        for (String d : m.modelDefects()) {
            if (!known.contains(d)) {
                why.add("names model defect '" + d + "', which this model does not know (DEFECTS.md)");
            }
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }
}
