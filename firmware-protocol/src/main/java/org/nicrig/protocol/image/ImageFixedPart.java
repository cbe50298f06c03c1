package org.nicrig.protocol.image;

import java.util.Objects;
import org.nicrig.protocol.message.FirmwareVersion;

/**
 * The fixed start of an image header (FIRMWARE-IMAGE.md §3.1, bytes 0..21): the header's length,
 * target, version and rollback counter. A device reads it from the first chunk to refuse an image
 * early; {@link FirmwareImage#parseHeader} reads the same fields with the same code.
 */
public record ImageFixedPart(int headerLength, ImageTarget target, FirmwareVersion version, long rollbackCounter) {
    /** magic 4, format 1, reserved 1, header length 2, target 6, version 4, rollback counter 4 */
    public static final int LENGTH = 22;

    public ImageFixedPart {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
    }
}
