package org.nicrig.host.firmware;

import java.util.Objects;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageSignature;

/**
 * Signs images (FIRMWARE-IMAGE.md §5): an Ed25519 signature by Bouncy Castle over
 * {@link FirmwareImage#signedBytes()} — header and payload — and the signer's key id in the
 * trailer. A signature already there is replaced. Ed25519 is deterministic (RFC 8032 §5.1.6), so
 * the same image and key always give the same bytes.
 *
 * <pre>{@code
 * FirmwareImage signed = new ImageSigner(KeyFiles.readPrivate(Path.of("keys/nicrig-dev.key"))).sign(image);
 * }</pre>
 */
public final class ImageSigner {
    private final SigningKey key;

    public ImageSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public FirmwareImage sign(FirmwareImage image) {
        byte[] signature = key.sign(image.signedBytes());
        return image.withSignature(ImageSignature.ed25519(key.keyId().toArray(), signature));
    }

    public VerifyingKey publicKey() {
        return key.publicKey();
    }
}
