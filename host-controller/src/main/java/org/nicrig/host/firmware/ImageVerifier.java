package org.nicrig.host.firmware;

import java.util.Objects;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageSignature;

/**
 * Checks an image's signature against one public key, with Bouncy Castle (FIRMWARE-IMAGE.md §5):
 * the host's view of what a device trusting that key would decide. The key id in the trailer only
 * picks the outcome's wording; a signature counts only when it verifies under the key itself.
 *
 * <pre>{@code
 * Verification v = new ImageVerifier(KeyFiles.readPublic(Path.of("keys/nicrig-dev.pub"))).verify(image);
 * if (!v.ok()) System.err.println(v.reason());
 * }</pre>
 */
public final class ImageVerifier {
    private final VerifyingKey key;

    public ImageVerifier(VerifyingKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public Verification verify(FirmwareImage image) {
        if (image.signature().isEmpty()) {
            return new Verification.Unsigned();
        }
        ImageSignature s = image.signature().get();
        if (!s.keyId().equals(key.keyId())) {
            return new Verification.OtherKey(s.keyId(), key.keyId());
        }
        return key.verify(image.signedBytes(), s.signature().toArray())
                ? new Verification.Verified(s.keyId())
                : new Verification.BadSignature(s.keyId());
    }

    public VerifyingKey key() {
        return key;
    }
}
