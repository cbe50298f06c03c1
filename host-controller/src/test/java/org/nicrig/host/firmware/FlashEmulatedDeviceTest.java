package org.nicrig.host.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.testing.TestImages;
import org.nicrig.host.transport.EmulatedTransport;
import org.nicrig.host.transport.EmulatedTransportProvider;
import org.nicrig.host.transport.TransportUri;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageSignature;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.FaultKind;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Identify;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.InjectFault;
import org.nicrig.protocol.message.Integrity;

/**
 * The flasher against the device model of an emulated FPGA (factory firmware 1.4.0, rollback
 * floor 0): a good image runs, every refusal is typed with its ErrorCode and leaves 1.4.0
 * running, a boot that fails its self-test falls back, and power lost mid-flash leaves the old
 * firmware booting. After each failure a good image still flashes: nothing was wedged or lost.
 */
class FlashEmulatedDeviceTest {
    private static final String URI = "emulated:fpga-aes?mac=02:00:00:00:00:01&speed=unlimited";
    private static final SessionConfig CONFIG = SessionConfig.DEFAULT.withHeartbeat(Duration.ZERO, 1);
    private static final FirmwareVersion FACTORY = new FirmwareVersion(1, 4, 0);
    /** Small chunks, so an image goes in several and power can be lost between them. */
    private static final FlashOptions OPTIONS = FlashOptions.DEFAULT.withChunkSize(512);
    private static final FlashOptions DEVICE_CHECKS = OPTIONS.withPrecheck(false);

    private final VirtualWire wire = new VirtualWire();
    private EmulatedTransport transport;
    private DeviceSession session;

    @BeforeEach
    void powerOn() throws Exception {
        transport = (EmulatedTransport) new EmulatedTransportProvider(wire).create(TransportUri.parse(URI));
        open(transport);
    }

    @AfterEach
    void powerOff() {
        session.close();
    }

    private void open(EmulatedTransport t) throws Exception {
        session = new DeviceSession("fpga1", t, CONFIG);
        session.open();
    }

    /** The same unit powered off and on again: a new transport on the same config, so the same memory. */
    private void powerCycle() throws Exception {
        session.close();
        transport = new EmulatedTransport(transport.name(), transport.config(), wire);
        open(transport);
    }

    private FlashResult flash(byte[] image, FlashOptions options) throws FirmwareFlashException {
        return new FirmwareFlasher(session, options, FlashListener.NONE).flash(image);
    }

    private FirmwareRefusedException refused(byte[] image, FlashOptions options) {
        return catchThrowableOfType(FirmwareRefusedException.class, () -> flash(image, options));
    }

    private FirmwareVersion running() throws Exception {
        return ((IdentifyReply) session.call(new Identify())).firmware();
    }

    /** The device still runs the factory firmware, and a good image still flashes. */
    private void assertOldFirmwareKeptAndAGoodImageStillFlashes() throws Exception {
        assertThat(running()).isEqualTo(FACTORY);
        powerCycle();
        assertThat(running()).isEqualTo(FACTORY);
        FlashResult r = flash(TestImages.signed(TestImages.fpga("1.5.0", 1)), OPTIONS);
        assertThat(r.activated()).as(r.summary()).isTrue();
    }

    @Test
    void aGoodImageIsActivatedAndBootsAgainAfterPowerOff() throws Exception {
        byte[] image = TestImages.signed(TestImages.fpga("1.5.0", 1));
        FlashResult r = flash(image, OPTIONS);
        assertThat(r.outcome()).isEqualTo(FlashResult.Outcome.ACTIVATED);
        assertThat(r.summary()).isEqualTo("ACTIVATED 1.4.0 \u2192 1.5.0");
        assertThat(r.before().firmware()).isEqualTo(FACTORY);
        assertThat(r.after().firmware()).isEqualTo(new FirmwareVersion(1, 5, 0));
        assertThat(r.chunks()).isEqualTo((image.length + 511) / 512);
        assertThat(r.deviceError()).isEmpty();
        assertThat(session.identity().firmware()).isEqualTo(new FirmwareVersion(1, 5, 0));
        assertThat(running()).isEqualTo(new FirmwareVersion(1, 5, 0));
        powerCycle();
        assertThat(running()).isEqualTo(new FirmwareVersion(1, 5, 0));
    }

    @Test
    void theManifestDecidesWhatTheDeviceAdvertises() throws Exception {
        // a firmware that offers AES-128-CBC with HMAC-SHA1-96 only, and no secondary use
        ImageCapabilities less = new ImageCapabilities(true, false, List.of(new CipherRate(Cipher.AES_128_CBC, 50_000_000L)),
                List.of(Integrity.HMAC_SHA1_96));
        FlashResult r = flash(TestImages.signed(TestImages.manifest(TestImages.FPGA_AES, "1.6.0", 1, less)), OPTIONS);
        assertThat(r.activated()).isTrue();
        assertThat(r.after().capabilities().ciphers()).containsExactly(Cipher.AES_128_CBC);
        assertThat(r.after().capabilities().integrities()).containsExactly(Integrity.HMAC_SHA1_96);
        assertThat(r.after().capabilities().secondaryUse()).isFalse();
        assertThat(r.before().capabilities().ciphers()).contains(Cipher.AES_256_GCM_16);
    }

    @Test
    void anUnsignedImageIsRefusedAtCommit() throws Exception {
        byte[] image = TestImages.unsigned(TestImages.fpga("1.5.0", 1)).toBytes();
        FirmwareRefusedException e = refused(image, OPTIONS);
        assertThat(e.code()).isEqualTo(ErrorCode.FW_BAD_SIGNATURE);
        assertThat(e.phase()).isEqualTo(FlashPhase.COMMIT);
        assertThat(e.byHost()).isFalse();
        assertThat(e.detail()).contains("unsigned");
        assertOldFirmwareKeptAndAGoodImageStillFlashes();
    }

    @Test
    void anImageChangedAfterSigningIsRefusedAtCommit() throws Exception {
        FirmwareImage good = TestImages.sign(TestImages.unsigned(TestImages.fpga("1.5.0", 1)));
        byte[] sig = good.signature().orElseThrow().signature().toArray();
        sig[0] ^= 0x01;
        byte[] image = good.withSignature(ImageSignature.ed25519(TestImages.devKeyId(), sig)).toBytes();
        FirmwareRefusedException e = refused(image, OPTIONS);
        assertThat(e.code()).isEqualTo(ErrorCode.FW_BAD_SIGNATURE);
        assertThat(e.phase()).isEqualTo(FlashPhase.COMMIT);
        assertThat(e.detail()).contains("does not verify");
        assertOldFirmwareKeptAndAGoodImageStillFlashes();
    }

    @Test
    void anImageSignedByAnotherKeyIsRefused() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        FirmwareImage unsigned = TestImages.unsigned(TestImages.fpga("1.5.0", 1));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(other.getPrivate());
        s.update(unsigned.signedBytes());
        byte[] spki = other.getPublic().getEncoded();
        byte[] keyId = Sha256.keyId(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        byte[] image = unsigned.withSignature(ImageSignature.ed25519(keyId, s.sign())).toBytes();
        FirmwareRefusedException e = refused(image, OPTIONS);
        assertThat(e.code()).isEqualTo(ErrorCode.FW_BAD_SIGNATURE);
        assertThat(e.detail()).contains("this device trusts key " + Sha256Hex.of(TestImages.devKeyId()));
        assertOldFirmwareKeptAndAGoodImageStillFlashes();
    }

    @Test
    void anImageForAnotherDeviceIsRefusedByTheDeviceAsSoonAsItsHeaderArrives() throws Exception {
        byte[] image = TestImages.signed(TestImages.manifest(TestImages.I82559, "2.2.0", 1, ImageCapabilities.NONE));
        FirmwareRefusedException e = refused(image, DEVICE_CHECKS);
        assertThat(e.code()).isEqualTo(ErrorCode.FW_WRONG_TARGET);
        assertThat(e.phase()).isEqualTo(FlashPhase.CHUNK);
        assertThat(e.offset()).isZero();
        assertThat(e.byHost()).isFalse();
        // the host's precheck says no with the device's words, before sending anything
        FirmwareRefusedException host = refused(image, OPTIONS);
        assertThat(host.byHost()).isTrue();
        assertThat(host.code()).isEqualTo(ErrorCode.FW_WRONG_TARGET);
        assertThat(host.detail()).isEqualTo(e.detail());
        assertOldFirmwareKeptAndAGoodImageStillFlashes();
    }

    @Test
    void anOlderImageThanTheRollbackFloorIsRefused() throws Exception {
        assertThat(flash(TestImages.signed(TestImages.fpga("1.6.0", 5)), OPTIONS).activated()).isTrue();
        FirmwareRefusedException e = refused(TestImages.signed(TestImages.fpga("1.5.0", 2)), OPTIONS);
        assertThat(e.code()).isEqualTo(ErrorCode.FW_ROLLBACK);
        assertThat(e.phase()).isEqualTo(FlashPhase.CHUNK); // the header's counter is checked on arrival
        assertThat(e.detail()).contains("rollback counter 2").contains("floor of 5");
        assertThat(running()).isEqualTo(new FirmwareVersion(1, 6, 0));
        powerCycle();
        assertThat(running()).isEqualTo(new FirmwareVersion(1, 6, 0));
        // the same counter is not older: a fix re-issued at counter 5 goes in
        assertThat(flash(TestImages.signed(TestImages.fpga("1.6.1", 5)), OPTIONS).activated()).isTrue();
    }

    @Test
    void aCorruptImageIsRefusedAsABadImage() throws Exception {
        byte[] image = TestImages.signed(TestImages.fpga("1.5.0", 1));
        image[image.length - 200] ^= 0x40; // in the payload: its SHA-256 is no longer the header's
        FirmwareRefusedException e = refused(image, DEVICE_CHECKS);
        assertThat(e.code()).isEqualTo(ErrorCode.FW_BAD_IMAGE);
        assertThat(e.phase()).isEqualTo(FlashPhase.COMMIT);
        assertThat(e.detail()).contains("payload does not match the header's SHA-256");
        assertThat(refused(image, OPTIONS).byHost()).isTrue();
        assertOldFirmwareKeptAndAGoodImageStillFlashes();
    }

    @Test
    void aTruncatedImageIsRefusedAsABadImage() throws Exception {
        byte[] good = TestImages.signed(TestImages.fpga("1.5.0", 1));
        byte[] image = Arrays.copyOf(good, good.length - 100);
        FirmwareRefusedException e = refused(image, DEVICE_CHECKS);
        assertThat(e.code()).isEqualTo(ErrorCode.FW_BAD_IMAGE);
        assertThat(e.phase()).isEqualTo(FlashPhase.COMMIT);
        assertThat(e.detail()).contains("truncated");
        assertOldFirmwareKeptAndAGoodImageStillFlashes();
    }

    @Test
    void anImageThatIsNotTheAnnouncedOneIsADigestMismatch() throws Exception {
        byte[] image = TestImages.signed(TestImages.fpga("1.5.0", 1));
        byte[] other = Sha256.of(TestImages.signed(TestImages.fpga("1.5.1", 1)));
        FirmwareRefusedException e = refused(image, OPTIONS.announcing(other));
        assertThat(e.code()).isEqualTo(ErrorCode.FW_DIGEST_MISMATCH);
        assertThat(e.phase()).isEqualTo(FlashPhase.COMMIT);
        assertOldFirmwareKeptAndAGoodImageStillFlashes();
    }

    @Test
    void aBootThatFailsItsSelfTestFallsBackToTheOldFirmware() throws Exception {
        // signed and well-formed, but it advertises 3DES, which the FPGA's engine does not implement
        ImageCapabilities tooMuch = new ImageCapabilities(true, true,
                List.of(new CipherRate(Cipher.AES_128_CBC, 1L), new CipherRate(Cipher.TRIPLE_DES_CBC, 1L)),
                List.of(Integrity.HMAC_SHA1_96));
        FlashResult r = flash(TestImages.signed(TestImages.manifest(TestImages.FPGA_AES, "1.5.0", 1, tooMuch)), OPTIONS);
        assertThat(r.outcome()).isEqualTo(FlashResult.Outcome.FELL_BACK);
        assertThat(r.after().firmware()).isEqualTo(FACTORY);
        assertThat(r.deviceError()).hasValueSatisfying(d -> assertThat(d).startsWith("FW_BAD_IMAGE: ")
                .contains("failed its boot self-test").contains("TRIPLE_DES_CBC").contains("still running 1.4.0"));
        assertThat(r.summary()).startsWith("FELL_BACK: the device kept firmware 1.4.0, 1.5.0 did not boot (FW_BAD_IMAGE: ");
        assertOldFirmwareKeptAndAGoodImageStillFlashes();
    }

    @Test
    void anUnknownModelDefectFailsTheBootSelfTest() throws Exception {
        FlashResult r = flash(TestImages.signed(TestImages.manifest(TestImages.FPGA_AES, "1.5.0", 1, TestImages.FPGA_CAPS,
                "NO_SUCH_DEFECT")), OPTIONS);
        assertThat(r.outcome()).isEqualTo(FlashResult.Outcome.FELL_BACK);
        assertThat(r.deviceError()).hasValueSatisfying(d -> assertThat(d).contains("NO_SUCH_DEFECT"));
    }

    @Test
    void powerLostMidFlashLeavesTheOldFirmwareBootingAndARetrySucceeds() throws Exception {
        byte[] image = TestImages.signed(TestImages.fpga("1.5.0", 1));
        AtomicBoolean pulled = new AtomicBoolean();
        FlashListener unplugHalfWay = (sent, total) -> {
            if (sent >= total / 2 && pulled.compareAndSet(false, true)) {
                try {
                    session.call(new InjectFault(FaultKind.UNPLUG, 0, Duration.ZERO)); // FAULT: the cable is pulled
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        };
        FirmwareDeviceLostException e = catchThrowableOfType(FirmwareDeviceLostException.class,
                () -> new FirmwareFlasher(session, OPTIONS, unplugHalfWay).flash(image));
        assertThat(pulled).isTrue();
        assertThat(e.phase()).isEqualTo(FlashPhase.CHUNK);
        assertThat(e.offset()).isGreaterThan(0).isLessThan(image.length);
        assertThat(e.oldFirmwareKept()).isTrue();
        assertThat(e.getMessage()).contains("keeps its old firmware");

        powerCycle(); // plugged in again: the same unit, the same memory
        assertThat(session.identity().firmware()).isEqualTo(FACTORY);
        FlashResult r = flash(image, OPTIONS);
        assertThat(r.summary()).isEqualTo("ACTIVATED 1.4.0 \u2192 1.5.0");
    }

    @Test
    void powerLostAfterCommitButBeforeActivateStillBootsTheOldFirmware() throws Exception {
        byte[] image = TestImages.signed(TestImages.fpga("1.5.0", 1));
        FlashListener unplugAtActivate = new FlashListener() {
            @Override
            public void progress(long sent, long total) {
            }

            @Override
            public void phase(FlashPhase phase) {
                if (phase == FlashPhase.ACTIVATE) {
                    transport.server().inject(FaultKind.UNPLUG, 0, Duration.ZERO);
                }
            }
        };
        FirmwareDeviceLostException e = catchThrowableOfType(FirmwareDeviceLostException.class,
                () -> new FirmwareFlasher(session, OPTIONS, unplugAtActivate).flash(image));
        assertThat(e.phase()).isEqualTo(FlashPhase.ACTIVATE);
        powerCycle();
        assertThat(session.identity().firmware()).isEqualTo(FACTORY);
    }

    @Test
    void powerLostMidFlashOnADirectoryMemoryLeavesTheOldFirmwareForTheNextProcess(@TempDir Path nvm) throws Exception {
        String uri = URI + "&nvm=" + nvm.toAbsolutePath();
        session.close();
        transport = (EmulatedTransport) new EmulatedTransportProvider(wire).create(TransportUri.parse(uri));
        open(transport);
        byte[] image = TestImages.signed(TestImages.fpga("1.5.0", 1));
        FlashListener pullAtFirstChunk = (sent, total) -> {
            if (sent > 0) {
                transport.server().inject(FaultKind.UNPLUG, 0, Duration.ZERO);
            }
        };
        FirmwareDeviceLostException e = catchThrowableOfType(FirmwareDeviceLostException.class,
                () -> new FirmwareFlasher(session, OPTIONS, pullAtFirstChunk).flash(image));
        assertThat(e.oldFirmwareKept()).isTrue();
        session.close();

        // a new transport from the URI, as another nicrig process would make: only the directory is shared
        transport = (EmulatedTransport) new EmulatedTransportProvider(new VirtualWire()).create(TransportUri.parse(uri));
        open(transport);
        assertThat(session.identity().firmware()).isEqualTo(FACTORY);
        assertThat(flash(image, OPTIONS).activated()).isTrue();
        session.close();
        transport = (EmulatedTransport) new EmulatedTransportProvider(new VirtualWire()).create(TransportUri.parse(uri));
        open(transport);
        assertThat(session.identity().firmware()).isEqualTo(new FirmwareVersion(1, 5, 0));
    }

    /** Hex as the device model prints key ids. */
    private static final class Sha256Hex {
        static String of(byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
    }
}
