package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspResult;
import org.nicrig.model.esp.EspSa;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.Sas;
import org.nicrig.model.wire.EthernetFrame;
import org.nicrig.model.wire.WirePort;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.DecryptJob;
import org.nicrig.protocol.message.DeviceReset;
import org.nicrig.protocol.message.EncryptJob;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.Heartbeat;
import org.nicrig.protocol.message.HeartbeatReply;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.JobResult;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.LinkChange;
import org.nicrig.protocol.message.Reset;
import org.nicrig.protocol.message.ResetCause;
import org.nicrig.protocol.message.SaParams;
import org.nicrig.protocol.message.SelfTest;
import org.nicrig.protocol.message.SelfTestReply;
import org.nicrig.protocol.message.SetMac;
import org.nicrig.protocol.message.Transmit;

/** Jobs through the engine, and the faults that act on the device itself. */
class JobsAndFaultsTest {
    private static final byte[] PACKET = Addresses.udpToPeer("job payload");

    private static DeviceConfig fast(DeviceProfile p) {
        return DeviceConfig.of(p, Addresses.NIC_A).withSpeed(Double.POSITIVE_INFINITY);
    }

    @Test
    void anEncryptJobGivesEspThatTheInboundSaOpensAndADecryptJobUndoesIt() throws Exception {
        SaParams[] sa = Sas.aes(0x4242, 7);
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            f.install(0, sa[0]);
            f.install(1, sa[1]);
            JobResult enc = f.run(EncryptJob.returning(11, 0, Bytes.wrap(PACKET)));
            assertThat(enc.status()).isEqualTo(JobStatus.OK);
            assertThat(enc.jobId()).isEqualTo(11);
            assertThat(enc.sequenceNumber()).isEqualTo(1);

            EspResult opened = EspProcessor.secure().decrypt(EspSa.create(sa[1]), enc.output().toArray());
            assertThat(opened.output()).isEqualTo(PACKET);

            JobResult dec = f.run(new DecryptJob(12, 1, enc.output()));
            assertThat(dec.status()).isEqualTo(JobStatus.OK);
            assertThat(dec.output().toArray()).isEqualTo(PACKET);
        }
    }

    @Test
    void jobsOnAnEmptyOrWrongDirectionSlotFailWithNoSaAndOversizedOnesWithTooLarge() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            f.install(1, Sas.aes(5, 5)[1]);
            assertThat(f.run(EncryptJob.returning(1, 0, Bytes.wrap(PACKET))).status()).isEqualTo(JobStatus.NO_SA);
            JobResult wrong = f.run(EncryptJob.returning(2, 1, Bytes.wrap(PACKET)));
            assertThat(wrong.status()).isEqualTo(JobStatus.NO_SA);
            assertThat(wrong.reason()).contains("INBOUND");
            assertThat(f.run(EncryptJob.returning(3, 1, Bytes.wrap(new byte[9217]))).status()).isEqualTo(JobStatus.TOO_LARGE);
        }
    }

    @Test
    void selfTestComputesTheKnownAnswerFormula() {
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            byte[] key = new byte[16];
            byte[] iv = new byte[16];
            SelfTest t = new SelfTest(Cipher.AES_128_CBC, Integrity.HMAC_SHA1_96, KeyBytes.of(key), KeyBytes.of(new byte[20]),
                    Bytes.wrap(iv), Bytes.wrap(new byte[32]));
            SelfTestReply r = (SelfTestReply) f.handle(t);
            EspResult expected = EspProcessor.secure().selfTest(t.cipher(), t.integrity(), t.key(), t.authKey(), iv, new byte[32]);
            assertThat(r.output().toArray()).isEqualTo(expected.output());
            assertThat(r.output().length()).isEqualTo(32 + 12);
        }
    }

    @Test
    void engineFailLeavesJobsUnansweredAndSelfTestFailingUntilRestored() throws Exception {
        SaParams[] sa = Sas.aes(0x77, 3);
        SelfTest probe = new SelfTest(Cipher.AES_128_CBC, Integrity.HMAC_SHA1_96, KeyBytes.of(new byte[16]),
                KeyBytes.of(new byte[20]), Bytes.wrap(new byte[16]), Bytes.wrap(new byte[16]));
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            f.install(0, sa[0]);
            f.device.setEngineFailed(true);
            assertThat(((ErrorReply) f.handle(probe)).code()).isEqualTo(ErrorCode.ENGINE_FAILED);
            assertThat(f.submit(EncryptJob.returning(1, 0, Bytes.wrap(PACKET)))).as("accepted, then lost").isNull();
            awaitCounter(f, "jobs_lost_engine_failed", 1);

            f.device.setEngineFailed(false);
            assertThat(f.handle(probe)).isInstanceOf(SelfTestReply.class);
            JobResult after = f.run(EncryptJob.returning(2, 0, Bytes.wrap(PACKET)));
            assertThat(after.jobId()).as("job 1 was never answered; the engine takes jobs in order").isEqualTo(2);
            assertThat(f.answers).isEmpty();
        }
    }

    @Test
    void resetClearsSasAndTheBorrowedMacAndSaysSo() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            f.install(0, Sas.aes(1, 1)[0]);
            f.handle(new SetMac(Addresses.NIC_B));
            assertThat(f.handle(new Reset())).isInstanceOf(Ack.class);
            assertThat(f.awaitEvent(DeviceReset.class).cause()).isEqualTo(ResetCause.HOST_REQUEST);
            assertThat(f.counter("sa_in_use")).isZero();
            assertThat(f.device.currentMac()).isEqualTo(Addresses.NIC_A);
            assertThat(f.run(EncryptJob.returning(1, 0, Bytes.wrap(PACKET))).status()).isEqualTo(JobStatus.NO_SA);
        }
    }

    @Test
    void linkDownRaisesAnEventAndStopsTransmitAndReceive() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            List<byte[]> seen = new CopyOnWriteArrayList<>();
            f.wire.addTap((nanos, sender, frame) -> seen.add(frame));
            WirePort other = f.wire.attach("other", frame -> { });
            byte[] toDevice = EthernetFrame.build(Addresses.NIC_A, Addresses.NIC_B, EthernetFrame.ETHERTYPE_IPV4, PACKET);

            f.device.setLink(false);
            assertThat(f.awaitEvent(LinkChange.class)).isEqualTo(new LinkChange(false, 0));
            f.handle(new Transmit(Bytes.wrap(EthernetFrame.build(Addresses.PEER_MAC, Addresses.NIC_A, 0x0800, PACKET))));
            other.transmit(toDevice);
            awaitCounter(f, "rx_dropped_link_down", 1);
            assertThat(f.counter("tx_dropped_link_down")).isEqualTo(1);
            assertThat(seen).as("only the other port's frame is on the wire").hasSize(1);
            assertThat(f.events).noneMatch(e -> e instanceof org.nicrig.protocol.message.FrameReceived);

            f.events.clear();
            f.device.setLink(true);
            assertThat(f.awaitEvent(LinkChange.class)).isEqualTo(new LinkChange(true, 1000));
            other.transmit(toDevice);
            assertThat(f.awaitEvent(org.nicrig.protocol.message.FrameReceived.class).frame().toArray()).isEqualTo(toDevice);
        }
    }

    @Test
    void heartbeatReportsFreeCredits() {
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            HeartbeatReply r = (HeartbeatReply) f.handle(new Heartbeat(0xCAFE));
            assertThat(r.nonce()).isEqualTo(0xCAFE);
            assertThat(r.creditsFree()).isEqualTo(32);
        }
    }

    static void awaitCounter(DeviceFixture f, String name, long value) throws InterruptedException {
        long deadline = System.nanoTime() + DeviceFixture.WAIT.toNanos();
        while (f.counter(name) < value) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("counter " + name + " stayed at " + f.counter(name) + ", expected " + value);
            }
            Thread.sleep(2);
        }
        assertThat(f.counter(name)).isEqualTo(value);
    }
}
