package org.nicrig.model.device;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/**
 * What a kind of device is: identity, engine, SA table, performance. Profiles are data (see
 * {@link Profiles}); a device is a profile plus {@link DeviceConfig} overrides.
 *
 * @param cipherRates   engine throughput per cipher in bytes per second (the slower of cipher and MAC)
 * @param jobLatency    fixed per-job latency of the engine pipeline
 * @param credits       jobs the device queues at once (its advertised queue depth)
 * @param saSlots       size of the fixed SA table
 */
public record DeviceProfile(
        String name,
        int vendorId,
        int deviceId,
        int revision,
        int subsystemVendorId,
        int subsystemId,
        FirmwareVersion firmware,
        boolean engine,
        boolean secondaryUse,
        List<Cipher> ciphers,
        List<Integrity> integrities,
        int saSlots,
        int maxJobSize,
        int credits,
        Map<Cipher, Long> cipherRates,
        Duration jobLatency,
        int linkSpeedMbps) {

    public DeviceProfile {
        ciphers = List.copyOf(ciphers);
        integrities = List.copyOf(integrities);
        cipherRates = Map.copyOf(cipherRates);
    }

    public long rate(Cipher cipher) {
        return cipherRates.getOrDefault(cipher, 0L);
    }
}
