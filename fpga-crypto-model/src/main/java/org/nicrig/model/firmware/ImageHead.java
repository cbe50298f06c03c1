package org.nicrig.model.firmware;

import java.util.Arrays;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageFormatException;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.message.FirmwareVersion;

/**
 * The fixed fields at the start of an image header (FIRMWARE-IMAGE.md §3: magic, format version,
 * target, version, rollback counter at bytes 0..21), read from the first chunk so that a device
 * refuses a wrong target or a rolled-back image before the rest is sent. {@link FirmwareImage#parse}
 * reads the same fields from the whole image at COMMIT; a test holds the two readers together.
 */
record ImageHead(ImageTarget target, FirmwareVersion version, long rollbackCounter) {
    /** Bytes needed: magic 4, format 1, reserved 1, header length 2, target 6, version 4, rollback 4. */
    static final int LENGTH = 22;

    static ImageHead read(byte[] b) throws ImageFormatException {
        if (b.length < LENGTH) {
            throw new IllegalArgumentException("need " + LENGTH + " bytes, got " + b.length);
        }
        if (!Arrays.equals(b, 0, 4, FirmwareImage.MAGIC, 0, 4)) {
            throw new ImageFormatException(0, "magic is not \"NRFW\" (4e 52 46 57) — not a nicrig firmware image");
        }
        int format = b[4] & 0xFF;
        if (format != FirmwareImage.FORMAT_VERSION) {
            throw new ImageFormatException(4, "format version " + format + " (this device knows " + FirmwareImage.FORMAT_VERSION + ")");
        }
        int revMin = b[12] & 0xFF;
        int revMax = b[13] & 0xFF;
        if (revMin > revMax) {
            throw new ImageFormatException(12, String.format("revision range 0x%02x..0x%02x is empty", revMin, revMax));
        }
        ImageTarget target = new ImageTarget(u16(b, 8), u16(b, 10), revMin, revMax);
        FirmwareVersion version = new FirmwareVersion(b[14] & 0xFF, b[15] & 0xFF, u16(b, 16));
        long rollback = ((long) (b[18] & 0xFF) << 24) | ((b[19] & 0xFF) << 16) | ((b[20] & 0xFF) << 8) | (b[21] & 0xFF);
        return new ImageHead(target, version, rollback);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
