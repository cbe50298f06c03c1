package org.nicrig.host.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.compare.FlashRow;
import org.nicrig.host.firmware.ImageSigner;
import org.nicrig.host.firmware.KeyFiles;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigLoader;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/** Each way a flash ends, as the flow sees it, on rigs/emulated.yaml's fpga1 with a memory in a directory. */
class SessionRigDevicesTest {
    @TempDir
    Path dir;

    private final SessionRigDevices devices = new SessionRigDevices();

    @Test
    void identifiesEveryDeviceOfTheRigInItsOrder() throws Exception {
        var ids = devices.identify(RigLoader.load(Path.of("../rigs/emulated.yaml")));
        assertThat(ids).containsOnlyKeys("fpga1", "ipsec1", "plain1");
        assertThat(ids.keySet()).containsExactly("fpga1", "ipsec1", "plain1");
        assertThat(ids.get("fpga1").firmware()).isEqualTo(FirmwareVersion.parse("1.4.0"));
        assertThat(ids.get("fpga1").pci().vendorId()).isEqualTo(0x1172);
    }

    @Test
    void flashedRefusedAndFellBackAreTheRowsStatusWithTheDevicesWords() throws Exception {
        Rig rig = RigLoader.load(Path.of("../rigs/emulated.yaml")).withNvmDir(dir.resolve("nvm"));
        ImageSigner dev = new ImageSigner(KeyFiles.readPrivate(Path.of("../keys/nicrig-dev.key")));

        FlashRow flashed = devices.flash(rig, "fpga1", dev.sign(FpgaImages.unsigned("1.5.0", 1, List.of())).toBytes());
        assertThat(flashed.status()).isEqualTo(FlashRow.Status.FLASHED);
        assertThat(flashed.running()).isEqualTo("1.5.0");
        assertThat(Files.list(dir.resolve("nvm/fpga1"))).as("kept in the directory").isNotEmpty();

        FlashRow refused = devices.flash(rig, "fpga1", FpgaImages.unsigned("1.5.2", 1, List.of()).toBytes());
        assertThat(refused.status()).isEqualTo(FlashRow.Status.REFUSED);
        assertThat(refused.detail()).startsWith("FW_BAD_SIGNATURE").endsWith("(at FW_COMMIT)");

        // committable (signed, right target) but claims 3DES, which the FPGA's engine lacks: the boot self-test fails
        ImageCapabilities more = new ImageCapabilities(true, true, List.of(new CipherRate(Cipher.AES_128_CBC, 125_000_000L),
                new CipherRate(Cipher.TRIPLE_DES_CBC, 12_500_000L)), List.of(Integrity.HMAC_SHA2_256_128));
        FirmwareImage tooMuch = dev.sign(FirmwareImage.unsigned(new ImageManifest(FpgaImages.FPGA_AES,
                FirmwareVersion.parse("1.6.0"), 1, more, List.of()), new byte[] {1}));
        FlashRow fellBack = devices.flash(rig, "fpga1", tooMuch.toBytes());
        assertThat(fellBack.status()).isEqualTo(FlashRow.Status.FELL_BACK);
        assertThat(fellBack.running()).as("still the image flashed before").isEqualTo("1.5.0");
        assertThat(fellBack.detail()).contains("FW_BAD_IMAGE");
    }

    @Test
    void anUnreachableDeviceIsAValidationErrorNamingIt() throws Exception {
        Path rigFile = Files.writeString(dir.resolve("gone.yaml"), Files.readString(Path.of("../rigs/emulated.yaml"))
                .replace("emulated:82559-plain?mac=02:00:00:00:00:03&seed=3", "tcp://127.0.0.1:1"));
        Rig rig = RigLoader.load(rigFile);
        assertThatThrownBy(() -> devices.identify(rig)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("plain1 (tcp://127.0.0.1:1) could not be reached: ");
    }
}
