package org.nicrig.model.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nicrig.model.device.DeviceProfile;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/**
 * Test firmware images: by default one for a profile's hardware (its target at the profile's
 * revision) offering what the profile offers at its rates, version 9.0.0, rollback counter 1,
 * no defects, and a payload drawn from a seed.
 */
public final class ImageBuilder {
    private ImageTarget target;
    private FirmwareVersion version = new FirmwareVersion(9, 0, 0);
    private long rollbackCounter = 1;
    private boolean engine;
    private boolean secondaryUse;
    private List<CipherRate> ciphers;
    private List<Integrity> integrities;
    private List<String> defects = List.of();
    private int payloadLength = 3000;
    private long payloadSeed = 1;

    private ImageBuilder() {
    }

    public static ImageBuilder forProfile(DeviceProfile p) {
        ImageBuilder b = new ImageBuilder();
        b.target = new ImageTarget(p.vendorId(), p.deviceId(), p.revision(), p.revision());
        b.engine = p.engine();
        b.secondaryUse = p.secondaryUse();
        b.ciphers = p.ciphers().stream().map(c -> new CipherRate(c, p.rate(c))).toList();
        b.integrities = p.integrities();
        return b;
    }

    public ImageBuilder version(int major, int minor, int patch) {
        version = new FirmwareVersion(major, minor, patch);
        return this;
    }

    public ImageBuilder rollbackCounter(long c) {
        rollbackCounter = c;
        return this;
    }

    public ImageBuilder target(ImageTarget t) {
        target = t;
        return this;
    }

    public ImageBuilder secondaryUse(boolean s) {
        secondaryUse = s;
        return this;
    }

    /** Only these ciphers, at these rates. */
    public ImageBuilder ciphers(CipherRate... rates) {
        ciphers = List.of(rates);
        return this;
    }

    public ImageBuilder addCipher(Cipher c, long rate) {
        List<CipherRate> l = new ArrayList<>(ciphers);
        l.add(new CipherRate(c, rate));
        ciphers = l;
        return this;
    }

    public ImageBuilder integrities(Integrity... i) {
        integrities = List.of(i);
        return this;
    }

    public ImageBuilder defects(String... names) {
        defects = List.of(names);
        return this;
    }

    public ImageBuilder payload(int length, long seed) {
        payloadLength = length;
        payloadSeed = seed;
        return this;
    }

    public ImageManifest manifest() {
        return new ImageManifest(target, version, rollbackCounter,
                new ImageCapabilities(engine, secondaryUse, ciphers, integrities), defects);
    }

    public FirmwareImage unsigned() {
        return FirmwareImage.unsigned(manifest(), Sas.bytes(new SplittableRandom(payloadSeed), payloadLength));
    }

    /** The whole image file, signed by {@code key}. */
    public byte[] signedBy(SigningKey key) {
        return key.sign(unsigned()).toBytes();
    }
}
