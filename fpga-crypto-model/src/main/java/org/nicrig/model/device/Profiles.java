package org.nicrig.model.device;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/**
 * The built-in device profiles. Rates are those of the class of part: the 82559 with its IPSEC
 * ASIC (Intel PRO/100 S) did 3DES at roughly line rate of a 100 Mb/s port; an FPGA emulation on
 * a gigabit port does AES at around a gigabit.
 */
public final class Profiles {
    private Profiles() {
    }

    /** Intel vendor id; 0x1229 is the 82557/8/9 device id. */
    static final int INTEL = 0x8086;

    public static final DeviceProfile I82559_IPSEC = new DeviceProfile(
            "82559-ipsec", INTEL, 0x1229, 0x08, INTEL, 0x0070, new FirmwareVersion(2, 1, 7),
            true, true,
            List.of(Cipher.DES_CBC, Cipher.TRIPLE_DES_CBC),
            List.of(Integrity.HMAC_MD5_96, Integrity.HMAC_SHA1_96),
            16, 2048, 8,
            Map.of(Cipher.DES_CBC, 16_000_000L, Cipher.TRIPLE_DES_CBC, 12_500_000L),
            Duration.ofNanos(40_000), 100);

    public static final DeviceProfile I82559_PLAIN = new DeviceProfile(
            "82559-plain", INTEL, 0x1229, 0x08, INTEL, 0x000C, new FirmwareVersion(2, 1, 7),
            false, false, List.of(), List.of(), 0, 0, 0, Map.of(), Duration.ZERO, 100);

    public static final DeviceProfile FPGA_AES = new DeviceProfile(
            "fpga-aes", 0x1172, 0xE001, 0x01, INTEL, 0x0071, new FirmwareVersion(1, 4, 0),
            true, true,
            List.of(Cipher.AES_128_CBC, Cipher.AES_256_CBC, Cipher.AES_128_GCM_16, Cipher.AES_256_GCM_16),
            List.of(Integrity.NONE, Integrity.HMAC_SHA1_96, Integrity.HMAC_SHA2_256_128),
            128, 9216, 32,
            Map.of(Cipher.AES_128_CBC, 125_000_000L, Cipher.AES_256_CBC, 100_000_000L,
                    Cipher.AES_128_GCM_16, 125_000_000L, Cipher.AES_256_GCM_16, 110_000_000L),
            Duration.ofNanos(10_000), 1000);

    public static final List<DeviceProfile> ALL = List.of(I82559_IPSEC, I82559_PLAIN, FPGA_AES);

    /** The profile of that name, or null. */
    public static DeviceProfile named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    public static List<String> names() {
        return ALL.stream().map(DeviceProfile::name).toList();
    }
}
