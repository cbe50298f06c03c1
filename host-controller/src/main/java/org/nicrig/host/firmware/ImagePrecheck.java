package org.nicrig.host.firmware;

import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageFormatException;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.PciIdentity;

/**
 * What the host can check about an image before sending it: that it is a well-formed image
 * (FIRMWARE-IMAGE.md) and that its target takes the device's IDENTIFY. The device checks both
 * again, and the signature and the rollback floor, which the host cannot see.
 */
final class ImagePrecheck {
    private ImagePrecheck() {
    }

    /** The parsed image, or a refusal with the ErrorCode the device would give. */
    static FirmwareImage check(String device, byte[] image, IdentifyReply identity) throws FirmwareRefusedException {
        FirmwareImage parsed;
        try {
            parsed = FirmwareImage.parse(image);
        } catch (ImageFormatException e) {
            throw new FirmwareRefusedException(device, FlashPhase.PRECHECK, -1, ErrorCode.FW_BAD_IMAGE, e.getMessage(), true);
        }
        String mismatch = targetMismatch(parsed.manifest(), identity.pci());
        if (mismatch != null) {
            throw new FirmwareRefusedException(device, FlashPhase.PRECHECK, -1, ErrorCode.FW_WRONG_TARGET, mismatch, true);
        }
        return parsed;
    }

    /** Null if the target takes the device, else what differs, in the device model's words (FirmwareUpdater). */
    static String targetMismatch(ImageManifest manifest, PciIdentity pci) {
        ImageTarget target = manifest.target();
        if (target.matches(pci.vendorId(), pci.deviceId(), pci.revision())) {
            return null;
        }
        return String.format("firmware %s is for %s, this device is %04x:%04x rev 0x%02x", manifest.version(), target,
                pci.vendorId(), pci.deviceId(), pci.revision());
    }

    /** The image's manifest version if it parses at all (a flash without precheck still reports it). */
    static java.util.Optional<FirmwareImage> tryParse(byte[] image) {
        try {
            return java.util.Optional.of(FirmwareImage.parse(image));
        } catch (ImageFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
