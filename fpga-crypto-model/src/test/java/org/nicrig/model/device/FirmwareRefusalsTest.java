package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.model.device.FirmwareProbe.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nicrig.model.firmware.FirmwareUpdater;
import org.nicrig.model.firmware.Slot;
import org.nicrig.model.firmware.SlotContent;
import org.nicrig.model.firmware.TrustedKey;
import org.nicrig.model.testing.Flasher;
import org.nicrig.model.testing.ImageBuilder;
import org.nicrig.model.testing.SigningKey;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.*;

/**
 * Every way FW_BEGIN..FW_ACTIVATE refuses (PROTOCOL.md §5.21, FIRMWARE-DEVICE-RULES.md), each
 * with its error code, and each followed by proof that nothing of the running firmware was lost:
 * IDENTIFY still shows it, its slot still holds it, and a job still works.
 */
class FirmwareRefusalsTest {
    private static final SigningKey DEV = SigningKey.development();
    private static final byte[] GOOD = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0).signedBy(DEV);

    private static Message send(DeviceFixture f, Request r) {
        return f.handle(r);
    }

    /** BEGIN and the chunks up to (not including) byte {@code upTo}, all acknowledged. */
    private static void sendUpTo(DeviceFixture f, byte[] image, int upTo) {
        assertThat(send(f, Flasher.begin(image))).isInstanceOf(Ack.class);
        for (FwChunk c : Flasher.chunks(image)) {
            if (c.offset() >= upTo) {
                return;
            }
            assertThat(send(f, c)).as("chunk at %d", c.offset()).isInstanceOf(Ack.class);
        }
    }

    @Test
    void stepsOutOfOrderAreFwNotStarted() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            refused(send(f, Flasher.chunks(GOOD).get(0)), ErrorCode.FW_NOT_STARTED);
            refused(send(f, new FwCommit()), ErrorCode.FW_NOT_STARTED);
            assertThat(refused(send(f, new FwActivate()), ErrorCode.FW_NOT_STARTED).detail()).contains("slot B");
            sendUpTo(f, GOOD, 2 * Flasher.CHUNK);
            assertThat(refused(send(f, new FwActivate()), ErrorCode.FW_NOT_STARTED).detail()).contains("not committed");
            assertThat(f.counter("fw_refused")).isEqualTo(4);
            stillFactory(f);
        }
    }

    @Test
    void anImageLargerThanASlotIsRefusedAtBegin() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            ErrorReply e = refused(send(f, new FwBegin(FirmwareUpdater.SLOT_SIZE + 1L, Bytes.wrap(new byte[32]))), ErrorCode.FW_TOO_LARGE);
            assertThat(e.detail()).contains(String.valueOf(FirmwareUpdater.SLOT_SIZE));
            refused(send(f, Flasher.chunks(GOOD).get(0)), ErrorCode.FW_NOT_STARTED); // nothing was started
            refused(send(f, new FwBegin(100, Bytes.wrap(new byte[20]))), ErrorCode.MALFORMED); // not a SHA-256
            stillFactory(f);
        }
    }

    @Test
    void aChunkAtTheWrongOffsetIsRefusedAndTheRightOneStillAccepted() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            List<FwChunk> chunks = Flasher.chunks(GOOD);
            assertThat(send(f, Flasher.begin(GOOD))).isInstanceOf(Ack.class);
            assertThat(send(f, chunks.get(0))).isInstanceOf(Ack.class);
            ErrorReply skipped = refused(send(f, chunks.get(2)), ErrorCode.FW_BAD_OFFSET);
            assertThat(skipped.detail()).contains("offset " + 2 * Flasher.CHUNK).contains("starts at " + Flasher.CHUNK);
            stillFactory(f);
            for (FwChunk c : chunks.subList(1, chunks.size())) {
                assertThat(send(f, c)).isInstanceOf(Ack.class);
            }
            assertThat(send(f, new FwCommit())).isInstanceOf(Ack.class);
        }
    }

    @Test
    void aRepeatedChunkIsAcknowledgedAgainButDifferentBytesThereAreNot() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            List<FwChunk> chunks = Flasher.chunks(GOOD);
            sendUpTo(f, GOOD, 2 * Flasher.CHUNK);
            assertThat(send(f, chunks.get(1))).as("the same chunk again (its ACK was lost)").isInstanceOf(Ack.class);
            assertThat(send(f, chunks.get(0))).as("an older chunk again").isInstanceOf(Ack.class);
            byte[] other = chunks.get(1).data().toArray();
            other[5] ^= 1;
            ErrorReply e = refused(send(f, new FwChunk(chunks.get(1).offset(), Bytes.wrap(other))), ErrorCode.FW_BAD_OFFSET);
            assertThat(e.detail()).contains("differs");
            for (FwChunk c : chunks.subList(2, chunks.size())) {
                assertThat(send(f, c)).isInstanceOf(Ack.class);
            }
            assertThat(send(f, new FwCommit())).as("the repeats changed nothing: digest and signature hold").isInstanceOf(Ack.class);
            stillFactory(f);
        }
    }

    @Test
    void aChunkPastTheAnnouncedLengthIsFwTooLarge() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            byte[] shorter = Arrays.copyOf(GOOD, Flasher.CHUNK + 10);
            assertThat(send(f, new FwBegin(shorter.length, Bytes.wrap(Sha256.of(shorter))))).isInstanceOf(Ack.class);
            assertThat(send(f, Flasher.chunks(GOOD).get(0))).isInstanceOf(Ack.class);
            ErrorReply e = refused(send(f, Flasher.chunks(GOOD).get(1)), ErrorCode.FW_TOO_LARGE);
            assertThat(e.detail()).contains("past the " + shorter.length + " bytes");
            stillFactory(f);
        }
    }

    @Test
    void anImageThatIsNotTheOneAnnouncedIsFwDigestMismatch() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            byte[] wrong = Sha256.of("another image".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(send(f, new FwBegin(GOOD.length, Bytes.wrap(wrong)))).isInstanceOf(Ack.class);
            for (FwChunk c : Flasher.chunks(GOOD)) {
                assertThat(send(f, c)).isInstanceOf(Ack.class);
            }
            ErrorReply e = refused(send(f, new FwCommit()), ErrorCode.FW_DIGEST_MISMATCH);
            assertThat(e.detail()).contains(java.util.HexFormat.of().formatHex(Sha256.of(GOOD)))
                    .contains(java.util.HexFormat.of().formatHex(wrong));
            refused(send(f, new FwActivate()), ErrorCode.FW_NOT_STARTED);
            assertThat(nvm(f).slot(Slot.B)).isEqualTo(SlotContent.EMPTY);
            stillFactory(f);
        }
    }

    @Test
    void anImageSignedByAnotherKeySaysWhichKeySignedAndWhichIsTrusted() throws Exception {
        SigningKey stranger = SigningKey.generate(99);
        byte[] image = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0).signedBy(stranger);
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            List<Message> answers = Flasher.flash(f::handle, image);
            ErrorReply e = refused(answers.get(answers.size() - 1), ErrorCode.FW_BAD_SIGNATURE);
            assertThat(answers).hasSize(Flasher.chunks(image).size() + 2); // refused at COMMIT
            assertThat(e.detail()).contains("signed by key " + stranger.publicKey().keyId().hex())
                    .contains("trusts key " + TrustedKey.DEVELOPMENT.keyId().hex());
            stillFactory(f);
        }
    }

    @Test
    void anUnsignedImageIsFwBadSignature() throws Exception {
        byte[] image = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0).unsigned().toBytes();
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            List<Message> answers = Flasher.flash(f::handle, image);
            assertThat(refused(answers.get(answers.size() - 1), ErrorCode.FW_BAD_SIGNATURE).detail()).contains("unsigned");
            stillFactory(f);
        }
    }

    @Test
    void anImageChangedAfterSigningIsFwBadSignature() throws Exception {
        FirmwareImage signed = DEV.sign(ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0).unsigned());
        // the same signature on a manifest that claims a faster AES-128-CBC: well formed, not what was signed
        FirmwareImage changed = new FirmwareImage(ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0)
                .ciphers(new CipherRate(Cipher.AES_128_CBC, 4_000_000_000L)).manifest(), signed.payload(), signed.signature());
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            List<Message> answers = Flasher.flash(f::handle, changed.toBytes());
            assertThat(refused(answers.get(answers.size() - 1), ErrorCode.FW_BAD_SIGNATURE).detail()).contains("does not verify");
            stillFactory(f);
        }
    }

    @Test
    void anImageForAnotherDeviceIsRefusedAsSoonAsItsHeaderArrives() throws Exception {
        byte[] for82559 = ImageBuilder.forProfile(Profiles.I82559_IPSEC).signedBy(DEV);
        byte[] laterRevision = ImageBuilder.forProfile(Profiles.FPGA_AES).target(new ImageTarget(0x1172, 0xE001, 2, 5)).signedBy(DEV);
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            assertThat(send(f, Flasher.begin(for82559))).isInstanceOf(Ack.class);
            ErrorReply e = refused(send(f, Flasher.chunks(for82559).get(0)), ErrorCode.FW_WRONG_TARGET);
            assertThat(e.detail()).contains("8086:1229 rev 0x08..0x08").contains("this device is 1172:e001 rev 0x01");
            refused(send(f, Flasher.chunks(for82559).get(1)), ErrorCode.FW_NOT_STARTED); // refused for good
            // a host whose copy of that refusal was lost sends the chunk again: the answer names the real reason
            assertThat(refused(send(f, Flasher.chunks(for82559).get(0)), ErrorCode.FW_NOT_STARTED).detail())
                    .contains("the last one ended with FW_WRONG_TARGET").contains("this device is 1172:e001 rev 0x01");
            List<Message> answers = Flasher.flash(f::handle, laterRevision);
            assertThat(refused(answers.get(answers.size() - 1), ErrorCode.FW_WRONG_TARGET).detail()).contains("rev 0x02..0x05");
            assertThat(answers).hasSize(2);
            stillFactory(f);
        }
    }

    @Test
    void malformedImagesAreFwBadImage() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            byte[] notAnImage = Arrays.copyOf(GOOD, GOOD.length);
            notAnImage[0] = 'X';
            List<Message> answers = Flasher.flash(f::handle, notAnImage);
            assertThat(refused(answers.get(1), ErrorCode.FW_BAD_IMAGE).detail()).contains("magic");

            sendUpTo(f, GOOD, GOOD.length / 2);
            ErrorReply truncated = refused(send(f, new FwCommit()), ErrorCode.FW_BAD_IMAGE);
            assertThat(truncated.detail()).contains("truncated").contains("of " + GOOD.length + " bytes");

            byte[] corrupt = Arrays.copyOf(GOOD, GOOD.length);
            corrupt[GOOD.length - 200] ^= 0x40; // in the payload: its SHA-256 in the header no longer holds
            answers = Flasher.flash(f::handle, corrupt);
            ErrorReply e = refused(answers.get(answers.size() - 1), ErrorCode.FW_BAD_IMAGE);
            assertThat(e.detail()).startsWith("bad firmware image at byte").contains("SHA-256");
            assertThat(f.counter("fw_refused")).isEqualTo(3);
            stillFactory(f);
        }
    }

    @Test
    void anOlderRollbackCounterIsRefusedAsSoonAsTheHeaderArrives() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            flashOk(f, ImageBuilder.forProfile(Profiles.FPGA_AES).version(3, 0, 0).rollbackCounter(5).signedBy(DEV));
            SlotContent running = nvm(f).slot(Slot.B);
            byte[] older = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 9, 0).rollbackCounter(4).signedBy(DEV);
            List<Message> answers = Flasher.flash(f::handle, older);
            ErrorReply e = refused(answers.get(1), ErrorCode.FW_ROLLBACK);
            assertThat(e.detail()).contains("rollback counter 4").contains("floor of 5");
            stillRuns(f, new FirmwareVersion(3, 0, 0), Slot.B, running);
            assertThat(nvm(f).slot(Slot.A)).as("the older slot was erased by FW_BEGIN, not the running one")
                    .isEqualTo(SlotContent.EMPTY);
        }
    }

    @Test
    void aResetLosesAnUpdateInProgressAndABeginErasesACommittedImage() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            sendUpTo(f, GOOD, 2 * Flasher.CHUNK);
            assertThat(send(f, new Reset())).isInstanceOf(Ack.class);
            refused(send(f, Flasher.chunks(GOOD).get(2)), ErrorCode.FW_NOT_STARTED);

            sendUpTo(f, GOOD, GOOD.length);
            assertThat(send(f, new FwCommit())).isInstanceOf(Ack.class);
            assertThat(nvm(f).committed()).isTrue();
            assertThat(send(f, Flasher.begin(GOOD))).isInstanceOf(Ack.class);
            assertThat(nvm(f).slot(Slot.B)).isEqualTo(SlotContent.EMPTY);
            refused(send(f, new FwActivate()), ErrorCode.FW_NOT_STARTED);
            stillFactory(f);
        }
    }
}
