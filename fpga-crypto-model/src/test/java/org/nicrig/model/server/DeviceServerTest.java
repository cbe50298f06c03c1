package org.nicrig.model.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;
import org.nicrig.model.device.Device;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspSa;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.HostEnd;
import org.nicrig.model.testing.Sas;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.codec.MessageCodec;
import org.nicrig.protocol.frame.FrameFormat;
import org.nicrig.protocol.message.*;

/** A device served over an in-process pipe with the real framing and codec, and the channel faults. */
class DeviceServerTest {
    private static final byte[] PACKET = Addresses.udpToPeer("over the pipe");

    private Device device;
    private DeviceServer server;
    private HostEnd host;

    private void serve(DeviceConfig config) {
        PipeChannel[] ends = PipeChannel.pair("pipe test");
        device = new Device(config, new VirtualWire());
        server = new DeviceServer(device, ends[0]).start();
        host = new HostEnd(ends[1]);
    }

    private void serve() {
        serve(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A).withSpeed(Double.POSITIVE_INFINITY));
    }

    @AfterEach
    void tearDown() {
        if (host != null) {
            host.close();
        }
        if (server != null) {
            server.close();
        }
        if (device != null) {
            device.close();
        }
    }

    @Test
    void helloIdentifySelfTestSaAddAndAnEncryptJobRoundTrip() throws Exception {
        serve();
        HelloReply hello = host.request(new Hello(1, 3), HelloReply.class);
        assertThat(hello.version()).isEqualTo(MessageCodec.MAX_SUPPORTED);
        assertThat(hello.maxPayload()).isEqualTo(FrameFormat.MAX_PAYLOAD);

        IdentifyReply id = host.request(new Identify(), IdentifyReply.class);
        assertThat(id.mac()).isEqualTo(Addresses.NIC_A);
        assertThat(id.capabilities().ciphers()).contains(Cipher.AES_128_CBC);

        SelfTest probe = new SelfTest(Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128, KeyBytes.of(new byte[16]),
                KeyBytes.of(new byte[32]), Bytes.wrap(new byte[16]), Bytes.wrap(new byte[48]));
        SelfTestReply st = host.request(probe, SelfTestReply.class);
        assertThat(st.output().toArray()).isEqualTo(EspProcessor.secure().selfTest(probe.cipher(), probe.integrity(),
                probe.key(), probe.authKey(), new byte[16], new byte[48]).output());

        SaParams[] sa = Sas.aes(0xABCD, 11);
        assertThat(host.request(new SaAdd(9, sa[0]))).isEqualTo(new Ack(MessageType.SA_ADD));
        JobResult r = host.request(EncryptJob.returning(500, 9, Bytes.wrap(PACKET)), JobResult.class);
        assertThat(r.jobId()).isEqualTo(500);
        assertThat(r.status()).isEqualTo(JobStatus.OK);
        assertThat(EspProcessor.secure().decrypt(EspSa.create(sa[1]), r.output().toArray()).output()).isEqualTo(PACKET);
        assertThat(host.errors()).isEmpty();
    }

    @Test
    void garbleCorruptsOutboundFramesWhichTheHostDecoderRefuses() throws Exception {
        serve();
        host.request(new InjectFault(FaultKind.GARBLE, 50_000, Duration.ZERO)); // 5 % of bytes; this Ack goes out clean
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add(host.send(new Heartbeat(1000 + i)));
        }
        host.send(new InjectFault(FaultKind.GARBLE, 0, Duration.ZERO));
        HeartbeatReply clean = firstAnswered(0xC1EA);
        assertThat(clean.nonce()).isEqualTo(0xC1EA);

        assertThat(server.garbledBytes()).isPositive();
        assertThat(host.errors()).as("the host's decoder saw damaged frames").isNotEmpty();
        int answered = 0;
        for (int i = 0; i < sent.size(); i++) {
            Message m = host.awaitResponse(sent.get(i), Duration.ZERO);
            if (m != null) {
                answered++;
                assertThat(m).as("whatever passed the CRC is intact").isInstanceOf(HeartbeatReply.class);
                assertThat(((HeartbeatReply) m).nonce()).isEqualTo(1000 + i);
            }
        }
        assertThat(answered).as("some replies were lost to garbling").isLessThan(sent.size());
    }

    @Test
    void stallAnswersNothingForItsDurationThenAnswersTheBacklogLate() throws Exception {
        serve();
        Duration stall = Duration.ofMillis(600);
        long before = System.nanoTime();
        host.request(new InjectFault(FaultKind.STALL, 0, stall)); // acknowledged, then the stall begins
        long during = host.send(new Heartbeat(1)); // read only when the firmware resumes
        while (!server.isStalled()) {
            Thread.onSpinWait();
        }
        device.setLink(false); // an event raised in the stall leaves when it ends
        Message late = host.awaitResponse(during, Duration.ofSeconds(5));
        long waited = System.nanoTime() - before;
        assertThat(late).isInstanceOf(HeartbeatReply.class);
        assertThat(((HeartbeatReply) late).nonce()).isEqualTo(1);
        assertThat(waited).as("nothing answered before the stall ended").isGreaterThanOrEqualTo(stall.toNanos());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (host.events().stream().noneMatch(e -> e instanceof LinkChange) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(host.events()).anyMatch(e -> e instanceof LinkChange);
    }

    @Test
    void unplugClosesTheChannel() throws Exception {
        serve();
        host.request(new InjectFault(FaultKind.UNPLUG, 0, Duration.ZERO));
        assertThat(host.awaitClosed(HostEnd.WAIT)).isTrue();
        assertThat(server.awaitClosed(HostEnd.WAIT)).isTrue();
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void garbageFromTheHostGivesABadFrameEventAndTheStreamRecovers() throws Exception {
        serve();
        host.sendRaw(new byte[] {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x00});
        DeviceError e = host.awaitEvent(DeviceError.class, HostEnd.WAIT);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(server.badFrames()).isEqualTo(1);
        assertThat(host.request(new Heartbeat(9), HeartbeatReply.class).nonce()).isEqualTo(9);
    }

    @Test
    void deviceFaultsArriveAsEvents() throws Exception {
        serve();
        host.request(new InjectFault(FaultKind.LINK_DOWN, 0, Duration.ZERO));
        assertThat(host.awaitEvent(LinkChange.class, HostEnd.WAIT)).isEqualTo(new LinkChange(false, 0));
        host.request(new InjectFault(FaultKind.RESET, 0, Duration.ZERO));
        assertThat(host.awaitEvent(DeviceReset.class, HostEnd.WAIT)).isEqualTo(new DeviceReset(ResetCause.FAULT));
        host.request(new InjectFault(FaultKind.ENGINE_FAIL, 0, Duration.ZERO));
        SelfTest probe = new SelfTest(Cipher.AES_128_CBC, Integrity.HMAC_SHA1_96, KeyBytes.of(new byte[16]),
                KeyBytes.of(new byte[20]), Bytes.wrap(new byte[16]), Bytes.wrap(new byte[16]));
        assertThat(host.request(probe, ErrorReply.class).code()).isEqualTo(ErrorCode.ENGINE_FAILED);
        host.request(new InjectFault(FaultKind.ENGINE_RESTORE, 0, Duration.ZERO));
        assertThat(host.request(probe)).isInstanceOf(SelfTestReply.class);
    }

    @Test
    void aJobAnsweredTwiceReachesTheHostAsTwoResponsesUnderOneSequenceNumber() throws Exception {
        long seed = 77;
        serve(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A).withSpeed(Double.POSITIVE_INFINITY)
                .withDefects(Defects.of(seed, Defect.JOB_ANSWERED_TWICE)));
        host.request(new SaAdd(0, Sas.aes(1, 1)[0]));
        List<Long> seqs = new ArrayList<>();
        for (long id = 1; id <= 16; id++) {
            seqs.add(host.send(EncryptJob.returning(id, 0, Bytes.wrap(PACKET))));
        }
        // the engine sends a repeat right after the first answer and before the next job's, and the
        // stream keeps order: once the last job's answer is in, every earlier repeat is too
        List<Message> firsts = new ArrayList<>();
        for (long seq : seqs) {
            firsts.add(host.awaitResponse(seq, HostEnd.WAIT));
        }
        int repeated = 0;
        for (int i = 0; i < seqs.size() - 1; i++) {
            assertThat(firsts.get(i)).isInstanceOf(JobResult.class);
            Message second = host.awaitResponse(seqs.get(i), Duration.ZERO);
            if (second != null) {
                assertThat(second).as("the repeat is the same answer").isEqualTo(firsts.get(i));
                repeated++;
            }
        }
        assertThat(repeated).as("seed %d", seed).isPositive();
    }

    /** Sends heartbeats with {@code nonce} every 50 ms until one is answered. */
    private HeartbeatReply firstAnswered(long nonce) throws Exception {
        long deadline = System.nanoTime() + HostEnd.WAIT.toNanos();
        List<Long> seqs = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            seqs.add(host.send(new Heartbeat(nonce)));
            for (long s : seqs) {
                Message m = host.awaitResponse(s, s == seqs.get(seqs.size() - 1) ? Duration.ofMillis(50) : Duration.ZERO);
                if (m instanceof HeartbeatReply h) {
                    return h;
                }
            }
        }
        throw new AssertionError("no heartbeat answered within " + HostEnd.WAIT);
    }
}
