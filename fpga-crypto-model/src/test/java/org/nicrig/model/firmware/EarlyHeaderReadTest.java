package org.nicrig.model.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.testing.ImageBuilder;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageFixedPart;
import org.nicrig.protocol.image.ImageFormatException;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageTarget;

/** The device's early read of the header's fixed part (from the first chunk) agrees with the whole image's parse. */
class EarlyHeaderReadTest {

    @Test
    void readsWhatFirmwareImageParseReads() throws Exception {
        long seed = 77;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            int revMin = r.nextInt(256);
            ImageTarget target = new ImageTarget(r.nextInt(0x10000), r.nextInt(0x10000), revMin, revMin + r.nextInt(256 - revMin));
            byte[] image = ImageBuilder.forProfile(Profiles.FPGA_AES).target(target)
                    .version(r.nextInt(256), r.nextInt(256), r.nextInt(0x10000))
                    .rollbackCounter(r.nextLong(0x1_0000_0000L)).unsigned().toBytes();
            ImageManifest m = FirmwareImage.parse(image).manifest();
            ImageFixedPart h = FirmwareImage.parseFixedPart(Arrays.copyOf(image, ImageFixedPart.LENGTH));
            assertThat(h).as("seed %d, image %d", seed, i).isEqualTo(new ImageFixedPart(FirmwareImage.parseHeader(image).length(), m.target(), m.version(), m.rollbackCounter()));
        }
    }

    @Test
    void refusesWhatIsNotAVersionOneImage() {
        byte[] image = ImageBuilder.forProfile(Profiles.FPGA_AES).unsigned().toBytes();
        byte[] head = Arrays.copyOf(image, ImageFixedPart.LENGTH);
        head[4] = 2;
        assertThatThrownBy(() -> FirmwareImage.parseFixedPart(head)).isInstanceOf(ImageFormatException.class).hasMessageContaining("format version 2");
        head[0] = 0;
        assertThatThrownBy(() -> FirmwareImage.parseFixedPart(head)).isInstanceOf(ImageFormatException.class).hasMessageContaining("magic");
    }
}
