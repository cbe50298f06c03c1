package org.nicrig.model.firmware;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageFixedPart;
import org.nicrig.protocol.image.ImageFormatException;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageSignature;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.FwBegin;
import org.nicrig.protocol.message.FwChunk;
import org.nicrig.protocol.message.MessageType;
import org.nicrig.protocol.message.Response;

/**
 * The device side of FW_BEGIN / FW_CHUNK / FW_COMMIT / FW_ACTIVATE (PROTOCOL.md §5.21,
 * FIRMWARE-DEVICE-RULES.md D.2–D.5): writes go to the slot that does not boot, chunks are checked
 * as they arrive, the header's target and rollback counter as soon as they are in, and COMMIT
 * checks length, digest, format, signature, target and rollback in that order before it marks
 * the slot committed. Nothing here touches the running slot, so every refusal leaves the running
 * firmware and its slot as they were. FW_ACTIVATE is only answered here; the reboot is
 * {@link BootLoader#activate()}, run by the device after the ACK has left.
 */
public final class FirmwareUpdater {
    /** Bytes one firmware slot holds: the largest image FW_BEGIN accepts. */
    public static final int SLOT_SIZE = 1 << 20;
    private static final int DIGEST_LENGTH = 32;
    private static final int TRAILER_SIGNED = 1 + ImageSignature.KEY_ID_LENGTH + ImageSignature.ED25519_LENGTH;
    private static final HexFormat HEX = HexFormat.of();

    private final NonVolatileMemory nvm;
    private final TrustedKey key;
    private final Hardware hardware;
    private Transfer transfer;
    /** How the last update ended when a refusal ended it, for the FW_NOT_STARTED that a host's retry then gets. */
    private String endedBy;

    /** An update between FW_BEGIN and FW_COMMIT: the image so far, held as the slot's flash would hold it. */
    private static final class Transfer {
        final int length;
        final byte[] announced;
        final byte[] image;
        final MessageDigest sha = Sha256.newDigest();
        int received;
        boolean headChecked;

        Transfer(int length, byte[] announced) {
            this.length = length;
            this.announced = announced;
            this.image = new byte[length];
        }
    }

    public FirmwareUpdater(NonVolatileMemory nvm, TrustedKey key, Hardware hardware) {
        this.nvm = nvm;
        this.key = key;
        this.hardware = hardware;
    }

    /** FW_BEGIN: erases the inactive slot and expects {@code imageLength} bytes. Restarts an update in progress. */
    public synchronized Response begin(FwBegin b) {
        if (b.imageDigest().length() != DIGEST_LENGTH) {
            return refuse(MessageType.FW_BEGIN, ErrorCode.MALFORMED,
                    "imageDigest is " + b.imageDigest().length() + " bytes; a SHA-256 is " + DIGEST_LENGTH);
        }
        if (b.imageLength() == 0) {
            return refuse(MessageType.FW_BEGIN, ErrorCode.FW_BAD_IMAGE, "an image of 0 bytes");
        }
        if (b.imageLength() > SLOT_SIZE) {
            return refuse(MessageType.FW_BEGIN, ErrorCode.FW_TOO_LARGE,
                    "an image of " + b.imageLength() + " bytes does not fit a slot of " + SLOT_SIZE + " bytes");
        }
        transfer = null;
        endedBy = null;
        try {
            nvm.update(s -> s.withCommitted(false).withSlot(s.inactive(), SlotContent.EMPTY));
        } catch (NvmException e) {
            return refuse(MessageType.FW_BEGIN, ErrorCode.INTERNAL, "device memory: " + e.getMessage());
        }
        transfer = new Transfer((int) b.imageLength(), b.imageDigest().toArray());
        return new Ack(MessageType.FW_BEGIN);
    }

    /** FW_CHUNK: the next bytes in order; a repeat of stored bytes is acknowledged again. */
    public synchronized Response chunk(FwChunk c) {
        Transfer t = transfer;
        if (t == null) {
            return refuse(MessageType.FW_CHUNK, ErrorCode.FW_NOT_STARTED, notStarted());
        }
        byte[] data = c.data().toArray();
        long offset = c.offset();
        long end = offset + data.length;
        if (data.length == 0) {
            return refuse(MessageType.FW_CHUNK, ErrorCode.MALFORMED, "empty chunk at offset " + offset);
        }
        if (offset < t.received) {
            if (end <= t.received && Arrays.equals(t.image, (int) offset, (int) end, data, 0, data.length)) {
                return new Ack(MessageType.FW_CHUNK); // the same chunk again: its ACK was lost (§5.21)
            }
            return refuse(MessageType.FW_CHUNK, ErrorCode.FW_BAD_OFFSET, end <= t.received
                    ? "chunk at offset " + offset + " differs from the bytes already stored there; the next chunk starts at " + t.received
                    : "chunk at offset " + offset + ".." + (end - 1) + " overlaps the stored bytes and runs past them; the next chunk starts at " + t.received);
        }
        if (offset > t.received) {
            return refuse(MessageType.FW_CHUNK, ErrorCode.FW_BAD_OFFSET,
                    "chunk at offset " + offset + "; the next chunk starts at " + t.received);
        }
        if (end > t.length) {
            return refuse(MessageType.FW_CHUNK, ErrorCode.FW_TOO_LARGE, "chunk at offset " + offset + " of " + data.length
                    + " bytes ends at " + end + ", past the " + t.length + " bytes announced by FW_BEGIN");
        }
        System.arraycopy(data, 0, t.image, (int) offset, data.length);
        t.sha.update(data);
        t.received = (int) end;
        if (!t.headChecked && t.received >= ImageFixedPart.LENGTH) {
            t.headChecked = true;
            ErrorReply early = checkHead(Arrays.copyOf(t.image, ImageFixedPart.LENGTH));
            if (early != null) {
                transfer = null; // refused for good: what follows would be refused too
                endedBy = ended(early);
                return early;
            }
        }
        return new Ack(MessageType.FW_CHUNK);
    }

    /** As soon as the header's fixed part is in: format, target and rollback (FIRMWARE-DEVICE-RULES.md D.3). */
    private ErrorReply checkHead(byte[] head) {
        ImageFixedPart h;
        try {
            h = FirmwareImage.parseFixedPart(head);
        } catch (ImageFormatException e) {
            return refuse(MessageType.FW_CHUNK, ErrorCode.FW_BAD_IMAGE, e.getMessage());
        }
        ErrorReply r = checkTarget(MessageType.FW_CHUNK, h.target(), h.version().toString());
        return r != null ? r : checkRollback(MessageType.FW_CHUNK, h.rollbackCounter(), h.version().toString());
    }

    /**
     * The answer to a chunk or commit when no update is open. When a refusal ended the last one,
     * it says so: a host that lost that refusal and sent the chunk again learns the real reason.
     */
    private String notStarted() {
        return "no update in progress: FW_BEGIN first" + (endedBy == null ? "" : " (the last one ended with " + endedBy + ")");
    }

    private static String ended(ErrorReply r) {
        return r.code() + (r.detail().isEmpty() ? "" : ": " + r.detail());
    }

    /** FW_COMMIT: length, digest, format, signature, target, rollback; then the slot is committed. */
    public synchronized Response commit() {
        Response r = checkAndCommit();
        if (r instanceof ErrorReply e && transfer == null && e.code() != ErrorCode.FW_NOT_STARTED) {
            endedBy = ended(e);
        }
        return r;
    }

    private Response checkAndCommit() {
        Transfer t = transfer;
        if (t == null) {
            return refuse(MessageType.FW_COMMIT, ErrorCode.FW_NOT_STARTED, notStarted());
        }
        if (t.received < t.length) {
            // the update stays open: the bytes so far are fine, the rest may still come
            return refuse(MessageType.FW_COMMIT, ErrorCode.FW_BAD_IMAGE, "truncated image: " + t.received + " of "
                    + t.length + " bytes received; send the rest from offset " + t.received);
        }
        transfer = null;
        byte[] digest = t.sha.digest();
        if (!MessageDigest.isEqual(digest, t.announced)) {
            return refuse(MessageType.FW_COMMIT, ErrorCode.FW_DIGEST_MISMATCH, "the image's SHA-256 is " + HEX.formatHex(digest)
                    + ", FW_BEGIN announced " + HEX.formatHex(t.announced));
        }
        FirmwareImage image;
        try {
            image = FirmwareImage.parse(t.image);
        } catch (ImageFormatException e) {
            return refuse(MessageType.FW_COMMIT, ErrorCode.FW_BAD_IMAGE, e.getMessage());
        }
        ImageManifest m = image.manifest();
        String version = m.version().toString();
        ErrorReply r = checkSignature(image, t.image);
        if (r == null) {
            r = checkTarget(MessageType.FW_COMMIT, m.target(), version);
        }
        if (r == null) {
            r = checkRollback(MessageType.FW_COMMIT, m.rollbackCounter(), version);
        }
        if (r != null) {
            return r;
        }
        try {
            nvm.update(s -> s.withSlot(s.inactive(), new SlotContent.Image(Bytes.wrap(t.image))).withCommitted(true));
        } catch (NvmException e) {
            return refuse(MessageType.FW_COMMIT, ErrorCode.INTERNAL, "device memory: " + e.getMessage());
        }
        return new Ack(MessageType.FW_COMMIT);
    }

    /**
     * The signature over the image's own header and payload bytes as received (what
     * FirmwareImage.signedBytes() gives for a well-formed image) against the trusted key.
     */
    private ErrorReply checkSignature(FirmwareImage image, byte[] bytes) {
        String trusted = key.keyId().hex();
        if (image.signature().isEmpty()) {
            return refuse(MessageType.FW_COMMIT, ErrorCode.FW_BAD_SIGNATURE,
                    "the image is unsigned; this device accepts only images signed by key " + trusted);
        }
        ImageSignature s = image.signature().get();
        if (!s.keyId().equals(key.keyId())) {
            return refuse(MessageType.FW_COMMIT, ErrorCode.FW_BAD_SIGNATURE,
                    "the image is signed by key " + s.keyId().hex() + ", this device trusts key " + trusted);
        }
        byte[] signed = Arrays.copyOf(bytes, bytes.length - TRAILER_SIGNED);
        if (!key.verifies(signed, s.signature())) {
            return refuse(MessageType.FW_COMMIT, ErrorCode.FW_BAD_SIGNATURE, "the signature by key " + trusted
                    + " does not verify: the image was changed after it was signed");
        }
        return null;
    }

    private ErrorReply checkTarget(MessageType type, ImageTarget target, String version) {
        if (target.matches(hardware.vendorId(), hardware.deviceId(), hardware.revision())) {
            return null;
        }
        return refuse(type, ErrorCode.FW_WRONG_TARGET, "firmware " + version + " is for " + target
                + ", this device is " + hardware.identity());
    }

    private ErrorReply checkRollback(MessageType type, long counter, String version) {
        long floor = nvm.read().map(NvmState::rollbackFloor).orElse(0L);
        if (counter >= floor) {
            return null;
        }
        return refuse(type, ErrorCode.FW_ROLLBACK, "firmware " + version + " has rollback counter " + counter
                + ", below this device's floor of " + floor);
    }

    /** FW_ACTIVATE: ACK when a committed image waits in the inactive slot; the device reboots after the ACK. */
    public synchronized Response activate() {
        NvmState s = nvm.read().orElseThrow();
        if (!s.committed()) {
            return refuse(MessageType.FW_ACTIVATE, ErrorCode.FW_NOT_STARTED, transfer != null
                    ? "the update in progress is not committed: FW_COMMIT first"
                    : "slot " + s.inactive() + " holds no committed image: FW_BEGIN, FW_CHUNK and FW_COMMIT first");
        }
        return new Ack(MessageType.FW_ACTIVATE);
    }

    /** A reset or reboot: an update in progress is lost (its bytes were never committed). */
    public synchronized void abandon() {
        transfer = null;
    }

    public synchronized boolean inProgress() {
        return transfer != null;
    }

    private static ErrorReply refuse(MessageType type, ErrorCode code, String detail) {
        return new ErrorReply(type, code, detail);
    }
}
