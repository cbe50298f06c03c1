package org.nicrig.host.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.testing.ScriptedDevice;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.Capabilities;
import org.nicrig.protocol.message.DeviceError;
import org.nicrig.protocol.message.DeviceReset;
import org.nicrig.protocol.message.Envelope;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.FwActivate;
import org.nicrig.protocol.message.FwBegin;
import org.nicrig.protocol.message.FwChunk;
import org.nicrig.protocol.message.FwCommit;
import org.nicrig.protocol.message.Hello;
import org.nicrig.protocol.message.HelloReply;
import org.nicrig.protocol.message.Identify;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.MacAddress;
import org.nicrig.protocol.message.MessageType;
import org.nicrig.protocol.message.PciIdentity;
import org.nicrig.protocol.message.ResetCause;

/**
 * The flasher against a scripted device, step by step: what it sends, in what pieces, how it
 * retries a chunk whose ACK was lost, and how it reads the reboot. The device model's own firmware
 * checks are proved end to end elsewhere; here the device says whatever the test makes it say.
 */
class FirmwareFlasherTest {
    private static final SessionConfig FAST = new SessionConfig(Duration.ofMillis(150), 0, Duration.ofMillis(300),
            Duration.ZERO, 2);
    /** A small maxPayload, so a 200-byte image goes in chunks of 60. */
    private static final int MAX_PAYLOAD = 64;
    private static final FirmwareVersion OLD = new FirmwareVersion(2, 1, 7);
    private static final FirmwareVersion NEW = new FirmwareVersion(2, 2, 0);

    private final ScriptedDevice device = new ScriptedDevice();
    private DeviceSession session;

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        device.close();
    }

    private static IdentifyReply identity(FirmwareVersion fw) {
        return new IdentifyReply(new PciIdentity(0x8086, 0x1229, 8, 0x8086, 0x70), MacAddress.parse("02:00:00:00:00:01"),
                fw, true, 100, Capabilities.NONE);
    }

    private static byte[] image(ImageTarget target) {
        byte[] payload = new byte[100];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        return FirmwareImage.unsigned(new ImageManifest(target, NEW, 3, ImageCapabilities.NONE, List.of()), payload).toBytes();
    }

    private static final ImageTarget I82559 = new ImageTarget(0x8086, 0x1229, 0x08, 0x0c);

    private void open() throws Exception {
        session = new DeviceSession("dut", device.transport(), FAST);
        CompletableFuture<IdentifyReply> opened = async(session::open);
        handshake(OLD);
        opened.get(5, TimeUnit.SECONDS);
    }

    /** HELLO and IDENTIFY as the device answers them. */
    private void handshake(FirmwareVersion fw) throws Exception {
        device.reply(device.expect(Hello.class).sequence(), new HelloReply(1, MAX_PAYLOAD));
        device.reply(device.expect(Identify.class).sequence(), identity(fw));
    }

    interface Call<T> {
        T call() throws Exception;
    }

    private static <T> CompletableFuture<T> async(Call<T> c) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return c.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the flash to fail");
    }

    /** Plays FW_BEGIN and every chunk, returning the bytes received. */
    private byte[] acceptImage(byte[] image) throws Exception {
        Envelope begin = device.expect(FwBegin.class);
        FwBegin b = (FwBegin) begin.message();
        assertThat(b.imageLength()).isEqualTo(image.length);
        assertThat(b.imageDigest().toArray()).isEqualTo(Sha256.of(image));
        device.reply(begin.sequence(), new Ack(MessageType.FW_BEGIN));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (got.size() < image.length) {
            Envelope c = device.expect(FwChunk.class);
            FwChunk chunk = (FwChunk) c.message();
            assertThat(chunk.offset()).isEqualTo(got.size());
            assertThat(chunk.data().length()).isLessThanOrEqualTo(MAX_PAYLOAD - 4);
            got.writeBytes(chunk.data().toArray());
            device.reply(c.sequence(), new Ack(MessageType.FW_CHUNK));
        }
        return got.toByteArray();
    }

    private void commitAndActivate() throws Exception {
        device.reply(device.expect(FwCommit.class).sequence(), new Ack(MessageType.FW_COMMIT));
        device.reply(device.expect(FwActivate.class).sequence(), new Ack(MessageType.FW_ACTIVATE));
    }

    @Test
    void sendsTheImageInChunksThatFitThenActivatesAndReIdentifies() throws Exception {
        open();
        byte[] image = image(I82559);
        List<long[]> progress = new ArrayList<>();
        List<FlashPhase> phases = new ArrayList<>();
        FlashListener listener = new FlashListener() {
            @Override
            public void progress(long sent, long total) {
                progress.add(new long[] {sent, total});
            }

            @Override
            public void phase(FlashPhase phase) {
                phases.add(phase);
            }
        };
        CompletableFuture<FlashResult> flash = async(() -> new FirmwareFlasher(session, FlashOptions.DEFAULT, listener).flash(image));

        assertThat(acceptImage(image)).isEqualTo(image);
        commitAndActivate();
        device.event(new DeviceReset(ResetCause.FIRMWARE_ACTIVATE));
        handshake(NEW); // HELLO again after the reset, then IDENTIFY

        FlashResult r = flash.get(5, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(FlashResult.Outcome.ACTIVATED);
        assertThat(r.summary()).isEqualTo("ACTIVATED 2.1.7 \u2192 2.2.0");
        assertThat(r.chunks()).isEqualTo((image.length + 59) / 60);
        assertThat(r.chunkRetries()).isZero();
        assertThat(session.identity().firmware()).isEqualTo(NEW);
        assertThat(phases).containsExactly(FlashPhase.PRECHECK, FlashPhase.BEGIN, FlashPhase.CHUNK, FlashPhase.COMMIT,
                FlashPhase.ACTIVATE, FlashPhase.REBOOT);
        assertThat(progress.get(0)).containsExactly(0, image.length);
        assertThat(progress.get(progress.size() - 1)).containsExactly(image.length, image.length);
        assertThat(progress).extracting(p -> p[0]).isSorted();
    }

    @Test
    void beginAndCommitMayTakeLongerThanTheSessionsRequestTimeout() throws Exception {
        open();
        byte[] image = image(I82559);
        CompletableFuture<FlashResult> flash = async(() -> new FirmwareFlasher(session).flash(image));
        Envelope begin = device.expect(FwBegin.class);
        Thread.sleep(3 * FAST.requestTimeout().toMillis()); // a slot erase: longer than any ordinary request may take
        device.reply(begin.sequence(), new Ack(MessageType.FW_BEGIN));
        for (long off = 0; off < image.length; off += 60) {
            device.reply(device.expect(FwChunk.class).sequence(), new Ack(MessageType.FW_CHUNK));
        }
        Envelope commit = device.expect(FwCommit.class);
        Thread.sleep(3 * FAST.requestTimeout().toMillis()); // a signature check over the whole image
        device.reply(commit.sequence(), new Ack(MessageType.FW_COMMIT));
        device.reply(device.expect(FwActivate.class).sequence(), new Ack(MessageType.FW_ACTIVATE));
        device.event(new DeviceReset(ResetCause.FIRMWARE_ACTIVATE));
        handshake(NEW);
        assertThat(flash.get(5, TimeUnit.SECONDS).activated()).isTrue();
    }

    @Test
    void aBeginNeverAnsweredWithinTheSlowStepTimeoutIsALostDevice() throws Exception {
        open();
        byte[] image = image(I82559);
        CompletableFuture<FlashResult> flash = async(() -> new FirmwareFlasher(session,
                FlashOptions.DEFAULT.withSlowStepTimeout(Duration.ofMillis(300)), FlashListener.NONE).flash(image));
        device.expect(FwBegin.class); // never answered
        Throwable t = failure(flash);
        assertThat(t).isInstanceOfSatisfying(FirmwareDeviceLostException.class, e -> {
            assertThat(e.phase()).isEqualTo(FlashPhase.BEGIN);
            assertThat(e.oldFirmwareKept()).isTrue();
        });
    }

    @Test
    void aChunkWhoseAckIsLostIsSentAgainWithTheSameBytes() throws Exception {
        open();
        byte[] image = image(I82559);
        CompletableFuture<FlashResult> flash = async(() -> new FirmwareFlasher(session).flash(image));
        device.reply(device.expect(FwBegin.class).sequence(), new Ack(MessageType.FW_BEGIN));
        Envelope first = device.expect(FwChunk.class);
        device.reply(first.sequence(), new Ack(MessageType.FW_CHUNK));
        Envelope lost = device.expect(FwChunk.class);   // stored, but its ACK never arrives
        Envelope again = device.expect(FwChunk.class);  // after the request timeout
        assertThat(again.message()).isEqualTo(lost.message());
        device.reply(again.sequence(), new Ack(MessageType.FW_CHUNK));
        for (long off = 120; off < image.length; off += 60) {
            Envelope c = device.expect(FwChunk.class);
            assertThat(((FwChunk) c.message()).offset()).isEqualTo(off);
            device.reply(c.sequence(), new Ack(MessageType.FW_CHUNK));
        }
        commitAndActivate();
        device.event(new DeviceReset(ResetCause.FIRMWARE_ACTIVATE));
        handshake(NEW);
        FlashResult r = flash.get(5, TimeUnit.SECONDS);
        assertThat(r.activated()).isTrue();
        assertThat(r.chunkRetries()).isEqualTo(1);
    }

    @Test
    void aBootThatFailsItsSelfTestFallsBackWithTheDevicesReason() throws Exception {
        open();
        byte[] image = image(I82559);
        CompletableFuture<FlashResult> flash = async(() -> new FirmwareFlasher(session).flash(image));
        acceptImage(image);
        commitAndActivate();
        device.event(new DeviceReset(ResetCause.FIRMWARE_ACTIVATE));
        device.event(new DeviceError(ErrorCode.FW_BAD_IMAGE, "self-test: cipher aes-128-cbc not in the engine; running 2.1.7"));
        handshake(OLD);
        FlashResult r = flash.get(5, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(FlashResult.Outcome.FELL_BACK);
        assertThat(r.after().firmware()).isEqualTo(OLD);
        assertThat(r.deviceError()).contains("FW_BAD_IMAGE: self-test: cipher aes-128-cbc not in the engine; running 2.1.7");
        assertThat(r.summary()).startsWith("FELL_BACK: the device kept firmware 2.1.7, 2.2.0 did not boot (FW_BAD_IMAGE: self-test");
    }

    @Test
    void aRefusedChunkIsTypedWithItsOffsetCodeAndDetail() throws Exception {
        open();
        byte[] image = image(I82559);
        CompletableFuture<FlashResult> flash = async(() -> new FirmwareFlasher(session).flash(image));
        device.reply(device.expect(FwBegin.class).sequence(), new Ack(MessageType.FW_BEGIN));
        device.reply(device.expect(FwChunk.class).sequence(), new Ack(MessageType.FW_CHUNK));
        device.reply(device.expect(FwChunk.class).sequence(),
                new ErrorReply(MessageType.FW_CHUNK, ErrorCode.FW_ROLLBACK, "counter 3 below the floor 5"));
        Throwable t = failure(flash);
        assertThat(t).isInstanceOf(FirmwareRefusedException.class)
                .hasMessage("dut: device refused the image at FW_CHUNK at offset 60: FW_ROLLBACK (counter 3 below the floor 5); "
                        + "it keeps its old firmware");
        FirmwareRefusedException e = (FirmwareRefusedException) t;
        assertThat(e.phase()).isEqualTo(FlashPhase.CHUNK);
        assertThat(e.offset()).isEqualTo(60);
        assertThat(e.code()).isEqualTo(ErrorCode.FW_ROLLBACK);
        assertThat(e.byHost()).isFalse();
        device.expectNothing(Duration.ofMillis(100)); // no COMMIT after a refusal
    }

    @Test
    void thePrecheckRefusesAnotherDevicesImageBeforeSendingAnything() throws Exception {
        open();
        byte[] fpga = image(new ImageTarget(0x1172, 0xE001, 0x01, 0x0F));
        Throwable t = failure(async(() -> new FirmwareFlasher(session).flash(fpga)));
        assertThat(t).isInstanceOf(FirmwareRefusedException.class);
        FirmwareRefusedException e = (FirmwareRefusedException) t;
        assertThat(e.code()).isEqualTo(ErrorCode.FW_WRONG_TARGET);
        assertThat(e.byHost()).isTrue();
        assertThat(e.phase()).isEqualTo(FlashPhase.PRECHECK);
        assertThat(e.detail()).isEqualTo("firmware 2.2.0 is for 1172:e001 rev 0x01..0x0f, this device is 8086:1229 rev 0x08");
        device.expectNothing(Duration.ofMillis(100));
    }

    @Test
    void withoutThePrecheckTheSameImageGoesToTheDevice() throws Exception {
        open();
        byte[] fpga = image(new ImageTarget(0x1172, 0xE001, 0x01, 0x0F));
        CompletableFuture<FlashResult> flash = async(() ->
                new FirmwareFlasher(session, FlashOptions.DEFAULT.withPrecheck(false), FlashListener.NONE).flash(fpga));
        device.reply(device.expect(FwBegin.class).sequence(), new Ack(MessageType.FW_BEGIN));
        device.reply(device.expect(FwChunk.class).sequence(),
                new ErrorReply(MessageType.FW_CHUNK, ErrorCode.FW_WRONG_TARGET, "for 1172:e001"));
        FirmwareRefusedException e = (FirmwareRefusedException) failure(flash);
        assertThat(e.byHost()).isFalse();
        assertThat(e.code()).isEqualTo(ErrorCode.FW_WRONG_TARGET);
        assertThat(e.offset()).isZero();
    }

    @Test
    void aCorruptImageIsRefusedByThePrecheckAsABadImage() throws Exception {
        open();
        byte[] image = image(I82559);
        image[image.length - 10] ^= 0x01; // a payload byte: its SHA-256 no longer matches the header's
        FirmwareRefusedException e = (FirmwareRefusedException) failure(async(() -> new FirmwareFlasher(session).flash(image)));
        assertThat(e.code()).isEqualTo(ErrorCode.FW_BAD_IMAGE);
        assertThat(e.detail()).contains("payload does not match the header's SHA-256");
        assertThat(e.byHost()).isTrue();
    }

    @Test
    void aDeviceThatVanishesMidFlashKeepsItsOldFirmware() throws Exception {
        open();
        byte[] image = image(I82559);
        CompletableFuture<FlashResult> flash = async(() -> new FirmwareFlasher(session).flash(image));
        device.reply(device.expect(FwBegin.class).sequence(), new Ack(MessageType.FW_BEGIN));
        device.expect(FwChunk.class);
        device.unplug();
        Throwable t = failure(flash);
        assertThat(t).isInstanceOf(FirmwareDeviceLostException.class);
        FirmwareDeviceLostException e = (FirmwareDeviceLostException) t;
        assertThat(e.oldFirmwareKept()).isTrue();
        assertThat(e.phase()).isEqualTo(FlashPhase.CHUNK);
        assertThat(e.getMessage()).startsWith("dut: lost the device at FW_CHUNK at offset 0: ")
                .endsWith("; it keeps its old firmware (nothing was activated)");
    }

    @Test
    void aChunkNeverAnsweredGivesUpAfterTheRetries() throws Exception {
        open();
        byte[] image = image(I82559);
        CompletableFuture<FlashResult> flash = async(() ->
                new FirmwareFlasher(session, FlashOptions.DEFAULT.withChunkRetries(2), FlashListener.NONE).flash(image));
        device.reply(device.expect(FwBegin.class).sequence(), new Ack(MessageType.FW_BEGIN));
        for (int i = 0; i < 3; i++) {
            assertThat(((FwChunk) device.expect(FwChunk.class).message()).offset()).isZero();
        }
        FirmwareDeviceLostException e = (FirmwareDeviceLostException) failure(flash);
        assertThat(e.getMessage()).contains("FW_CHUNK at offset 0: no answer after 3 tries").contains("keeps its old firmware");
    }

    @Test
    void noResetAfterActivateIsReportedAsUnknownFirmware() throws Exception {
        open();
        byte[] image = image(I82559);
        CompletableFuture<FlashResult> flash = async(() -> new FirmwareFlasher(session,
                FlashOptions.DEFAULT.withRebootTimeout(Duration.ofMillis(200)), FlashListener.NONE).flash(image));
        acceptImage(image);
        commitAndActivate();
        FirmwareDeviceLostException e = (FirmwareDeviceLostException) failure(flash);
        assertThat(e.oldFirmwareKept()).isFalse();
        assertThat(e.getMessage()).contains("no RESET event within 200 ms of FW_ACTIVATE").contains("IDENTIFY it");
    }

    @Test
    void aResetForAnotherCauseIsNotTakenForTheActivation() throws Exception {
        open();
        byte[] image = image(I82559);
        CompletableFuture<FlashResult> flash = async(() -> new FirmwareFlasher(session,
                FlashOptions.DEFAULT.withRebootTimeout(Duration.ofMillis(300)), FlashListener.NONE).flash(image));
        acceptImage(image);
        commitAndActivate();
        device.event(new DeviceReset(ResetCause.WATCHDOG));
        device.expectNothing(Duration.ofMillis(150)); // no HELLO: a watchdog reset is not the reboot FW_ACTIVATE announced
        FirmwareDeviceLostException e = (FirmwareDeviceLostException) failure(flash);
        assertThat(e.getMessage()).contains("no RESET event within 300 ms of FW_ACTIVATE (the device reset for another cause: WATCHDOG)");
    }

    @Test
    void theDigestCanBeForgedToProveTheDeviceChecksIt() throws Exception {
        open();
        byte[] image = image(I82559);
        byte[] forged = new byte[32];
        CompletableFuture<FlashResult> flash = async(() ->
                new FirmwareFlasher(session, FlashOptions.DEFAULT.announcing(forged), FlashListener.NONE).flash(image));
        FwBegin b = (FwBegin) device.expect(FwBegin.class).message();
        assertThat(b.imageDigest().toArray()).isEqualTo(forged);
        flash.cancel(true);
    }
}
