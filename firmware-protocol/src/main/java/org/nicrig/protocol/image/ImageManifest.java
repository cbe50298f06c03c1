package org.nicrig.protocol.image;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.nicrig.protocol.message.FirmwareVersion;

/**
 * What an image says about itself (FIRMWARE-IMAGE.md §3): its target, version, rollback counter
 * and capability set, and — for the device model only — the seeded defects it carries
 * (fpga-crypto-model/DEFECTS.md), so that "a new firmware" can be worse in a way the rig sees.
 * Real firmware leaves {@code modelDefects} empty and a real device ignores it.
 */
public record ImageManifest(ImageTarget target, FirmwareVersion version, long rollbackCounter,
                            ImageCapabilities capabilities, List<String> modelDefects) {
    public ImageManifest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(capabilities, "capabilities");
        modelDefects = List.copyOf(modelDefects);
        if (rollbackCounter < 0 || rollbackCounter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("rollback counter outside 0..2^32-1: " + rollbackCounter);
        }
        if (modelDefects.size() > 255) {
            throw new IllegalArgumentException("at most 255 model defects");
        }
        if (modelDefects.stream().distinct().count() != modelDefects.size()) {
            throw new IllegalArgumentException("a model defect is listed twice: " + modelDefects);
        }
        for (String d : modelDefects) {
            byte[] b = d.getBytes(StandardCharsets.US_ASCII);
            if (d.isEmpty() || b.length > 255 || !d.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("model defect name must be 1..255 printable ASCII characters without spaces: '" + d + "'");
            }
        }
    }
}
