package org.nicrig.host.validate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/**
 * Images for the fpga-aes device of rigs/emulated.yaml (1172:e001 rev 0x01), with the capability
 * set and rates of its factory firmware 1.4.0 (fpga-crypto-model Profiles.FPGA_AES), so that a
 * "good" image behaves as the factory one does.
 */
final class FpgaImages {
    static final ImageTarget FPGA_AES = new ImageTarget(0x1172, 0xE001, 0x01, 0x0F);
    static final ImageCapabilities FACTORY_CAPABILITIES = new ImageCapabilities(true, true,
            List.of(new CipherRate(Cipher.AES_128_CBC, 125_000_000L), new CipherRate(Cipher.AES_256_CBC, 100_000_000L),
                    new CipherRate(Cipher.AES_128_GCM_16, 125_000_000L), new CipherRate(Cipher.AES_256_GCM_16, 110_000_000L)),
            List.of(Integrity.NONE, Integrity.HMAC_SHA1_96, Integrity.HMAC_SHA2_256_128));

    private FpgaImages() {
    }

    static ImageManifest manifest(String version, long rollback, List<String> defects) {
        return new ImageManifest(FPGA_AES, FirmwareVersion.parse(version), rollback, FACTORY_CAPABILITIES, defects);
    }

    static FirmwareImage unsigned(String version, long rollback, List<String> defects) {
        return FirmwareImage.unsigned(manifest(version, rollback, defects),
                ("fpga-aes firmware " + version).getBytes(StandardCharsets.US_ASCII));
    }

    /** An image for another device (an Intel 82559): no device of the emulated rig but ipsec1/plain1 takes it. */
    static FirmwareImage forTarget(ImageTarget target, String version) {
        return FirmwareImage.unsigned(new ImageManifest(target, FirmwareVersion.parse(version), 0, ImageCapabilities.NONE,
                List.of()), new byte[] {1, 2, 3});
    }
}
