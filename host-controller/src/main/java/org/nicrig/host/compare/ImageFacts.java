package org.nicrig.host.compare;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageManifest;

/**
 * What the report says about one image: where it came from and what its manifest and trailer say.
 * {@code modelDefects} are the device model's seeded defects the image declares (empty for real
 * firmware); {@code notes} are what the flow found worth saying, e.g. that the image's version is
 * outside the rig's allow-list.
 *
 * @param keyId  the signing key's id in hex (FIRMWARE-IMAGE.md: first 8 bytes of SHA-256 of the raw
 *               public key), empty when unsigned
 * @param digest SHA-256 of the whole image in hex, what FW_BEGIN announces
 */
public record ImageFacts(String file, String version, String target, long rollbackCounter, boolean signed,
                         String keyId, String digest, List<String> modelDefects, List<String> notes) {
    public ImageFacts {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(target, "target");
        keyId = keyId == null ? "" : keyId;
        digest = digest == null ? "" : digest;
        modelDefects = List.copyOf(modelDefects);
        notes = List.copyOf(notes);
    }

    /** The facts of a parsed image read from {@code file}. */
    public static ImageFacts of(String file, FirmwareImage image, List<String> notes) {
        ImageManifest m = image.manifest();
        HexFormat hex = HexFormat.of();
        return new ImageFacts(file, m.version().toString(), m.target().toString(), m.rollbackCounter(), image.signed(),
                image.signature().map(s -> hex.formatHex(s.keyId().toArray())).orElse(""),
                hex.formatHex(image.digest()), m.modelDefects(), notes);
    }

    public ImageFacts withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new ImageFacts(file, version, target, rollbackCounter, signed, keyId, digest, modelDefects, all);
    }
}
