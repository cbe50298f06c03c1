package org.nicrig.protocol.image;

import java.util.Objects;
import org.nicrig.protocol.message.Bytes;

/**
 * An image's header on its own (FIRMWARE-IMAGE.md §3), as {@link FirmwareImage#parseHeader}
 * reads it from the first bytes of an image: enough for a device to refuse a wrong target or an
 * old rollback counter before the payload arrives.
 *
 * @param length        the header's length in bytes: where the payload starts
 * @param payloadLength the payload's length in bytes, as the header announces it
 * @param payloadSha256 the SHA-256 the payload must have (32 bytes)
 */
public record ImageHeader(int length, ImageManifest manifest, long payloadLength, Bytes payloadSha256) {
    public ImageHeader {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(payloadSha256, "payloadSha256");
    }

    /** Header, payload and the shortest trailer (unsigned): the least an image with this header can be. */
    public long minimumImageLength() {
        return length + payloadLength + 1;
    }
}
