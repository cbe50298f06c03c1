package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.model.device.FirmwareProbe.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspSa;
import org.nicrig.model.firmware.Slot;
import org.nicrig.model.firmware.SlotContent;
import org.nicrig.model.testing.ImageBuilder;
import org.nicrig.model.testing.Sas;
import org.nicrig.model.testing.SigningKey;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.message.*;

/**
 * FW_ACTIVATE and what follows (FIRMWARE-DEVICE-RULES.md): the new image's manifest decides
 * version, capabilities, rates and defects; the rollback floor rises; a boot self-test failure
 * falls back to the old slot; and the memory outlives the Device object.
 */
class FirmwareActivationTest {
    private static final SigningKey DEV = SigningKey.development();

    private static SlotContent.Image image(byte[] b) {
        return SlotContent.Image.of(b);
    }

    @Test
    void aGoodImageRunsAfterActivateWithItsVersionCapabilitiesAndRate() throws Exception {
        byte[] gcmOnly = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0).secondaryUse(false)
                .ciphers(new CipherRate(Cipher.AES_128_GCM_16, 250_000_000L), new CipherRate(Cipher.AES_128_CBC, 90_000_000L))
                .integrities(Integrity.NONE, Integrity.HMAC_SHA1_96).signedBy(DEV);
        try (DeviceFixture f = new DeviceFixture(fpgaAes().withSpeed(1))) { // engineRate is the rate times the speed
            IdentifyReply before = identify(f);
            assertThat(before.capabilities().engineRate()).isEqualTo(125_000_000L);
            f.install(3, Sas.aes(0x33, 3)[0]);

            flashOk(f, gcmOnly);

            assertThat(f.events).containsExactly(new DeviceReset(ResetCause.FIRMWARE_ACTIVATE));
            IdentifyReply after = identify(f);
            assertThat(after.firmware()).isEqualTo(new FirmwareVersion(2, 0, 0));
            assertThat(after.capabilities().ciphers()).containsExactly(Cipher.AES_128_GCM_16, Cipher.AES_128_CBC);
            assertThat(after.capabilities().integrities()).containsExactly(Integrity.NONE, Integrity.HMAC_SHA1_96);
            assertThat(after.capabilities().secondaryUse()).isFalse();
            assertThat(after.capabilities().engineRate()).isEqualTo(250_000_000L);
            // what the hardware decides stays
            assertThat(after.pci()).isEqualTo(before.pci());
            assertThat(after.mac()).isEqualTo(before.mac());
            assertThat(after.capabilities().maxSas()).isEqualTo(before.capabilities().maxSas());
            assertThat(after.capabilities().credits()).isEqualTo(before.capabilities().credits());

            assertThat(f.run(EncryptJob.returning(1, 3, Bytes.wrap(PACKET))).status())
                    .as("the reboot dropped the SAs").isEqualTo(JobStatus.NO_SA);
            SaParams sha256 = Sas.pair(Cipher.AES_256_CBC, Integrity.HMAC_SHA2_256_128, 9, 9)[0];
            assertThat(refused(f.handle(new SaAdd(4, sha256)), ErrorCode.UNSUPPORTED_ALGORITHM).detail()).contains("AES");
            stillRuns(f, new FirmwareVersion(2, 0, 0), Slot.B, image(gcmOnly));
            assertThat(nvm(f).slot(Slot.A)).as("the old firmware stays in its slot").isEqualTo(SlotContent.FACTORY);
            assertThat(f.counter("fw_activations")).isEqualTo(1);
        }
    }

    @Test
    void theRatesOfTheImageDriveThePerformanceModel() throws Exception {
        // 4000 bytes at 1 MB/s is 4 ms of engine time; at the profile's 125 MB/s it would be 32 us
        byte[] slow = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 1)
                .ciphers(new CipherRate(Cipher.AES_128_CBC, 1_000_000L)).integrities(Integrity.HMAC_SHA1_96).signedBy(DEV);
        try (DeviceFixture f = new DeviceFixture(fpgaAes().withSpeed(1))) {
            flashOk(f, slow);
            assertThat(f.device.profile().rate(Cipher.AES_128_CBC)).isEqualTo(1_000_000L);
            f.install(0, Sas.aes(1, 1)[0]);
            byte[] big = Addresses4k.PACKET;
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(f.run(EncryptJob.returning(i, 0, Bytes.wrap(big))).status()).isEqualTo(JobStatus.OK);
            }
            long elapsed = System.nanoTime() - t0;
            // a lower bound only (never a wall-clock upper bound): 5 jobs of >= 4 ms cannot take under 15 ms
            assertThat(elapsed).as("5 jobs at 1 MB/s").isGreaterThan(15_000_000L);
        }
    }

    /** A 4000-byte UDP packet. */
    private static final class Addresses4k {
        static final byte[] PACKET = org.nicrig.model.testing.Addresses.udpToPeer("x".repeat(3960));
    }

    @Test
    void aDefectCarriedByTheImageShowsOnceItRuns() throws Exception {
        byte[] buggy = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 1, 0).defects("SEQ_NOT_INCREMENTED").signedBy(DEV);
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            assertThat(sequenceNumbersOfTwoJobs(f, 0x51)).as("factory firmware").containsExactly(1L, 2L);
            flashOk(f, buggy);
            assertThat(identify(f).firmware()).isEqualTo(new FirmwareVersion(2, 1, 0));
            SaParams[] sa = Sas.aes(0x52, 52);
            f.install(1, sa[0]);
            JobResult first = f.run(EncryptJob.returning(1, 1, Bytes.wrap(PACKET)));
            JobResult second = f.run(EncryptJob.returning(2, 1, Bytes.wrap(PACKET)));
            // as EngineDefectsTest shows SEQ_NOT_INCREMENTED: both number 1, a correct receiver takes the second as a replay
            assertThat(first.sequenceNumber()).isEqualTo(1);
            assertThat(second.sequenceNumber()).isEqualTo(1);
            EspSa receiver = EspSa.create(sa[1]);
            assertThat(EspProcessor.secure().decrypt(receiver, first.output().toArray()).status()).isEqualTo(JobStatus.OK);
            assertThat(EspProcessor.secure().decrypt(receiver, second.output().toArray()).status()).isEqualTo(JobStatus.REPLAY);
        }
    }

    private static List<Long> sequenceNumbersOfTwoJobs(DeviceFixture f, long spi) throws InterruptedException {
        f.install(1, Sas.aes(spi, spi)[0]);
        long a = f.run(EncryptJob.returning(1, 1, Bytes.wrap(PACKET))).sequenceNumber();
        long b = f.run(EncryptJob.returning(2, 1, Bytes.wrap(PACKET))).sequenceNumber();
        assertThat(f.handle(new SaDelete(1))).isInstanceOf(Ack.class);
        return List.of(a, b);
    }

    @Test
    void theRollbackFloorRisesOnActivationAndThenRefusesOlderImages() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            assertThat(f.counter("fw_rollback_floor")).isZero();
            flashOk(f, ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0).rollbackCounter(7).signedBy(DEV));
            assertThat(nvm(f).rollbackFloor()).isEqualTo(7);
            assertThat(f.counter("fw_rollback_floor")).isEqualTo(7);
            byte[] sameCounter = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 1).rollbackCounter(7).signedBy(DEV);
            flashOk(f, sameCounter);
            assertThat(nvm(f).boot()).as("slot A again").isEqualTo(Slot.A);
            byte[] older = ImageBuilder.forProfile(Profiles.FPGA_AES).version(1, 9, 0).rollbackCounter(6).signedBy(DEV);
            ErrorReply e = refused(org.nicrig.model.testing.Flasher.flash(f::handle, older).get(1), ErrorCode.FW_ROLLBACK);
            assertThat(e.detail()).contains("floor of 7");
            stillRuns(f, new FirmwareVersion(2, 0, 1), Slot.A, image(sameCounter));
        }
    }

    @Test
    void anImageThatFailsItsBootSelfTestFallsBackWithAnErrorThenAResetEvent() throws Exception {
        // signed and for this device, but it claims 3DES, which the fpga-aes engine lacks, and a defect the model does not know
        byte[] overclaims = ImageBuilder.forProfile(Profiles.FPGA_AES).version(5, 0, 0).rollbackCounter(9)
                .addCipher(Cipher.TRIPLE_DES_CBC, 10_000_000L).defects("NO_SUCH_DEFECT").signedBy(DEV);
        try (DeviceFixture f = new DeviceFixture(fpgaAes())) {
            flashOk(f, overclaims); // COMMIT does not run the self-test; the boot does

            assertThat(f.events).hasSize(2);
            DeviceError error = (DeviceError) f.events.get(0);
            assertThat(error.code()).isEqualTo(ErrorCode.FW_BAD_IMAGE);
            assertThat(error.detail()).contains("firmware 5.0.0 in slot B failed its boot self-test")
                    .contains(Cipher.TRIPLE_DES_CBC.toString()).contains("NO_SUCH_DEFECT")
                    .contains("still running 1.4.0 from slot A");
            assertThat(f.events.get(1)).isEqualTo(new DeviceReset(ResetCause.FIRMWARE_ACTIVATE));

            stillFactory(f);
            assertThat(nvm(f).slot(Slot.B)).as("the image that failed is erased").isEqualTo(SlotContent.EMPTY);
            assertThat(nvm(f).rollbackFloor()).as("a firmware that never ran does not raise the floor").isZero();
            assertThat(f.counter("fw_boot_fallbacks")).isEqualTo(1);
            refused(f.handle(new FwActivate()), ErrorCode.FW_NOT_STARTED);
        }
    }

    @Test
    void aFirmwareForADeviceWithoutEngineCannotClaimOne() throws Exception {
        DeviceConfig plain = DeviceConfig.of(Profiles.I82559_PLAIN, org.nicrig.model.testing.Addresses.NIC_B);
        byte[] claims = ImageBuilder.forProfile(Profiles.I82559_IPSEC).target(
                new org.nicrig.protocol.image.ImageTarget(0x8086, 0x1229, 8, 8)).version(3, 0, 0).signedBy(DEV);
        try (DeviceFixture f = new DeviceFixture(plain)) {
            flashOk(f, claims);
            assertThat(((DeviceError) f.events.get(0)).detail()).contains("the hardware has none");
            assertThat(identify(f).firmware()).isEqualTo(Profiles.I82559_PLAIN.firmware());
            assertThat(identify(f).capabilities().engine()).isFalse();
        }
    }

    @Test
    void aDevicePoweredOnAgainWithTheSameConfigBootsWhatWasActivatedAndKeepsItsEeprom() throws Exception {
        DeviceConfig config = fpgaAes();
        byte[] v2 = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0).rollbackCounter(3).signedBy(DEV);
        try (DeviceFixture f = new DeviceFixture(config)) {
            flashOk(f, v2);
            assertThat(f.handle(new EepromWrite(0x20, List.of(0x1234, 0x5678)))).isInstanceOf(Ack.class);
        }
        try (DeviceFixture again = new DeviceFixture(config.withSeed(5))) { // with...: the same unit, the same memory
            stillRuns(again, new FirmwareVersion(2, 0, 0), Slot.B, image(v2));
            assertThat(((EepromData) again.handle(new EepromRead(0x20, 2))).words()).containsExactly(0x1234, 0x5678);
            assertThat(identify(again).eepromChecksumOk()).as("the host did not fix word 63").isFalse();
            assertThat(again.events).as("no event at power-on").isEmpty();
        }
        try (DeviceFixture other = new DeviceFixture(fpgaAes())) {
            stillFactory(other); // another config is another unit
        }
    }

    /** A memory whose writes fail once {@link #full} is set, as a full disk under {@code nvm=DIR} would. */
    private static final class FullMemory implements org.nicrig.model.firmware.NonVolatileMemory {
        private final org.nicrig.model.firmware.NonVolatileMemory inner = org.nicrig.model.firmware.NonVolatileMemory.inMemory();
        volatile boolean full;

        @Override
        public java.util.Optional<org.nicrig.model.firmware.NvmState> read() {
            return inner.read();
        }

        @Override
        public void write(org.nicrig.model.firmware.NvmState next) throws org.nicrig.model.firmware.NvmException {
            if (full) {
                throw new org.nicrig.model.firmware.NvmException(java.nio.file.Path.of("nvm"), "no space left on device");
            }
            inner.write(next);
        }
    }

    @Test
    void anActivationTheMemoryCannotStoreKeepsTheOldFirmwareAndIsNotCountedAsAnActivation() throws Exception {
        FullMemory nvm = new FullMemory();
        byte[] v2 = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0).signedBy(DEV);
        try (DeviceFixture f = new DeviceFixture(fpgaAes().withNvm(nvm))) {
            List<Message> answers = org.nicrig.model.testing.Flasher.flash(r -> {
                if (r instanceof FwActivate) {
                    nvm.full = true; // committed; the activation's write is the one that fails
                }
                return f.handle(r);
            }, v2);
            assertThat(answers).allMatch(m -> m instanceof Ack);
            assertThat(f.events).hasSize(2);
            assertThat(((DeviceError) f.events.get(0)).code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(f.events.get(1)).isEqualTo(new DeviceReset(ResetCause.FIRMWARE_ACTIVATE));
            nvm.full = false;
            stillFactory(f);
            assertThat(f.counter("fw_activations")).as("STATS: no firmware was activated").isZero();
        }
    }

    @Test
    void aDeviceTrustsTheKeyItsConfigNames() throws Exception {
        SigningKey lab = SigningKey.generate(2024);
        byte[] byLab = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 2, 0).signedBy(lab);
        byte[] byDev = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 3, 0).signedBy(DEV);
        try (DeviceFixture f = new DeviceFixture(fpgaAes().withTrustedKey(lab.publicKey()))) {
            List<Message> refusedDev = org.nicrig.model.testing.Flasher.flash(f::handle, byDev);
            refused(refusedDev.get(refusedDev.size() - 1), ErrorCode.FW_BAD_SIGNATURE);
            flashOk(f, byLab);
            assertThat(identify(f).firmware()).isEqualTo(new FirmwareVersion(2, 2, 0));
        }
    }
}
