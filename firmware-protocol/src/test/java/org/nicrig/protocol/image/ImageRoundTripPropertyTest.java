package org.nicrig.protocol.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Any image survives the trip to bytes and back, its encoding is the only one its content has
 * (so a signature over re-encoded bytes is a signature over the bytes received), and the header
 * alone is enough to read the manifest.
 */
class ImageRoundTripPropertyTest {

    @Provide
    Arbitrary<FirmwareImage> images() {
        return ImageArbitraries.images();
    }

    @Property(tries = 300)
    void parseGivesBackTheImage(@ForAll("images") FirmwareImage image) throws ImageFormatException {
        byte[] bytes = image.toBytes();
        FirmwareImage back = FirmwareImage.parse(bytes);
        assertThat(back).isEqualTo(image);
        // canonical: what was read writes the same bytes again
        assertThat(back.toBytes()).isEqualTo(bytes);
    }

    @Property(tries = 200)
    void layoutAddsUp(@ForAll("images") FirmwareImage image) throws ImageFormatException {
        byte[] bytes = image.toBytes();
        byte[] signed = image.signedBytes();
        ImageHeader header = FirmwareImage.parseHeader(bytes);
        int trailer = image.signed() ? 1 + 8 + 64 : 1;
        assertThat(bytes).hasSize(header.length() + image.payload().length() + trailer);
        assertThat(header.minimumImageLength()).isEqualTo(header.length() + image.payload().length() + 1L);
        assertThat(Arrays.copyOf(bytes, signed.length)).isEqualTo(signed);
        assertThat(signed).hasSize(header.length() + image.payload().length());
        assertThat(bytes[signed.length]).isEqualTo((byte) (image.signed() ? 1 : 0));
        assertThat(FirmwareImage.headerLength(bytes)).isEqualTo(header.length());
        assertThat(image.digest()).isEqualTo(Sha256.of(bytes));
        assertThat(header.payloadSha256().toArray()).isEqualTo(Sha256.of(image.payload().toArray()));
    }

    @Property(tries = 200)
    void theHeaderAloneGivesTheManifest(@ForAll("images") FirmwareImage image) throws ImageFormatException {
        byte[] bytes = image.toBytes();
        int length = FirmwareImage.headerLength(bytes);
        ImageHeader header = FirmwareImage.parseHeader(Arrays.copyOf(bytes, length));
        assertThat(header.manifest()).isEqualTo(image.manifest());
        assertThat(header.payloadLength()).isEqualTo(image.payload().length());
        // one byte less and it is truncated
        assertThatThrownBy(() -> FirmwareImage.parseHeader(Arrays.copyOf(bytes, length - 1)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("truncated image?");
    }

    /** A flipped payload bit is found by the hash, wherever it is (payloads of at least one byte). */
    @Property(tries = 200)
    void anyPayloadBitFlipIsCaught(@ForAll("images") FirmwareImage image, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
                                   @ForAll @IntRange(min = 0, max = 7) int bit) throws ImageFormatException {
        if (image.payload().isEmpty()) {
            return;
        }
        byte[] bytes = image.toBytes();
        int at = FirmwareImage.headerLength(bytes);
        bytes[at + where % image.payload().length()] ^= (byte) (1 << bit);
        assertThatThrownBy(() -> FirmwareImage.parse(bytes))
                .isInstanceOfSatisfying(ImageFormatException.class, e -> assertThat(e.offset()).isEqualTo(at))
                .hasMessageEndingWith("payload does not match the header's SHA-256 (corrupt image)");
    }
}
