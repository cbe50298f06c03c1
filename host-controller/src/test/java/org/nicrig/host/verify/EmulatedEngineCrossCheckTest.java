package org.nicrig.host.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.traffic.UdpPacket;
import org.nicrig.host.transport.EmulatedTransportProvider;
import org.nicrig.host.transport.TransportUri;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.message.*;

/**
 * The device model's ESP (JCE) checked packet by packet against the host's Bouncy Castle
 * reference, through the real codec: two independent implementations must agree on every byte.
 */
class EmulatedEngineCrossCheckTest {
    private final List<DeviceSession> sessions = new ArrayList<>();

    @AfterEach
    void close() {
        sessions.forEach(DeviceSession::close);
    }

    private DeviceSession open(String profile) throws Exception {
        String uri = "emulated:" + profile + "?mac=02:00:00:00:00:01&speed=unlimited&seed=3";
        DeviceSession s = new DeviceSession(profile, new EmulatedTransportProvider(new VirtualWire()).create(TransportUri.parse(uri)),
                SessionConfig.DEFAULT);
        sessions.add(s);
        s.open();
        return s;
    }

    static SaParams sa(long spi, Direction dir, EspMode mode, Cipher c, Integrity i, SplittableRandom r) {
        return new SaParams(spi, dir, mode, c, i, false, 64, UdpPacket.address("192.0.2.1"), UdpPacket.address("192.0.2.2"),
                KeyBytes.of(bytes(r, c.keyMaterialLength())), KeyBytes.of(bytes(r, i.keyLength())));
    }

    static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) {
            b[k] = (byte) r.nextInt(256);
        }
        return b;
    }

    @ParameterizedTest(name = "{0} {1}/{2} {3}")
    @CsvSource({
            "fpga-aes, AES_128_CBC, HMAC_SHA2_256_128, TRANSPORT",
            "fpga-aes, AES_256_CBC, HMAC_SHA1_96, TUNNEL",
            "fpga-aes, AES_128_GCM_16, NONE, TRANSPORT",
            "fpga-aes, AES_256_GCM_16, NONE, TUNNEL",
            "82559-ipsec, TRIPLE_DES_CBC, HMAC_SHA1_96, TRANSPORT",
            "82559-ipsec, DES_CBC, HMAC_MD5_96, TUNNEL"})
    void everyEncryptedPacketVerifiesAndEveryReferencePacketDecrypts(String profile, Cipher cipher, Integrity integrity,
                                                                    EspMode mode) throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        DeviceSession dev = open(profile);
        SaParams out = sa(0x1000, Direction.OUTBOUND, mode, cipher, integrity, r);
        SaParams in = sa(0x2000, Direction.INBOUND, mode, cipher, integrity, r);
        dev.call(new SaAdd(0, out));
        dev.call(new SaAdd(1, in));
        PacketVerifier verifier = new PacketVerifier();
        verifier.install(out);
        EspReference inbound = new EspReference(in);

        for (int n = 1; n <= 40; n++) {
            int size = 28 + r.nextInt(1400);
            byte[] packet = UdpPacket.build(UdpPacket.address("10.0.0.1"), UdpPacket.address("10.0.0.2"), 5000, 7, size, 1, n, r);
            boolean fixed = n % 4 == 0;
            byte[] iv = fixed ? bytes(r, cipher.ivLength()) : null;
            EncryptJob job = new EncryptJob(n, 0, Disposition.RETURN, null, fixed ? Bytes.wrap(iv) : Bytes.EMPTY, Bytes.wrap(packet));
            JobResult res = dev.submitJob(job).get();
            assertThat(res.status()).as(res.reason()).isEqualTo(JobStatus.OK);
            assertThat(res.sequenceNumber()).isEqualTo(n);
            Verdict v = fixed ? verifier.verifyFixedIv(profile, 0x1000, packet, res.output().toArray(), n, iv)
                    : verifier.verify(profile, 0x1000, packet, res.output().toArray());
            assertThat(v).as("packet %d", n).isInstanceOf(Verdict.Ok.class);

            byte[] sealed = inbound.seal(packet, n, bytes(r, cipher.ivLength()));
            JobResult dec = dev.submitJob(new DecryptJob(1000 + n, 1, Bytes.wrap(sealed))).get();
            assertThat(dec.status()).as(dec.reason()).isEqualTo(JobStatus.OK);
            assertThat(dec.output().toArray()).isEqualTo(packet);
        }
        assertThat(verifier.tally().total().failed()).isZero();
        assertThat(verifier.tally().total().ok()).isEqualTo(40);
    }
}
