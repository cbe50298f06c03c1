package org.nicrig.model.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.SaParams;

/** Each engine-level defect, shown the way a verifier would see it: against a correct peer. */
class EngineDefectsTest {
    private static final EspSuite CBC = EspSuite.of(Cipher.AES_128_CBC, Integrity.HMAC_SHA1_96);
    private static final EspSuite GCM = EspSuite.of(Cipher.AES_128_GCM_16, Integrity.NONE);
    private final EspProcessor engine = EspProcessor.seeded(99);

    static List<EspSuite> cbcAndGcm() {
        return List.of(CBC, GCM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cbcAndGcm")
    void ivReuseSendsTheFirstIvAgain(EspSuite suite) {
        SaParams[] p = TestPackets.pair(suite, EspMode.TRANSPORT, false, 1, 64);
        EspSa faulty = EspSa.create(p[0], Defects.of(7, Defect.IV_REUSE));
        EspSa healthy = EspSa.create(p[0]);

        List<byte[]> faultyIvs = ivs(faulty, 3);
        List<byte[]> healthyIvs = ivs(healthy, 3);

        assertThat(faultyIvs.get(1)).isEqualTo(faultyIvs.get(0));
        assertThat(faultyIvs.get(2)).isEqualTo(faultyIvs.get(0));
        assertThat(healthyIvs.get(1)).isNotEqualTo(healthyIvs.get(0));
        // the packets are still well-formed: a correct receiver accepts them
        EspSa in = EspSa.create(p[1]);
        byte[] packet = TestPackets.ipv4(17, new byte[30]);
        assertThat(engine.decrypt(in, engine.encrypt(faulty, packet, null).output()).output()).isEqualTo(packet);
    }

    @Test
    void stuckSequenceNumberIsAReplayAtACorrectReceiver() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 2, 64);
        EspSa faulty = EspSa.create(p[0], Defects.of(7, Defect.SEQ_NOT_INCREMENTED));
        EspSa in = EspSa.create(p[1]);
        byte[] packet = TestPackets.ipv4(17, new byte[30]);

        EspResult first = engine.encrypt(faulty, packet, null);
        EspResult second = engine.encrypt(faulty, packet, null);

        assertThat(first.sequenceNumber()).isEqualTo(1);
        assertThat(second.sequenceNumber()).isEqualTo(1);
        assertThat(Ipv4.getInt(second.output(), 24)).isEqualTo(1);
        assertThat(engine.decrypt(in, first.output()).status()).isEqualTo(JobStatus.OK);
        assertThat(engine.decrypt(in, second.output()).status()).isEqualTo(JobStatus.REPLAY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cbcAndGcm")
    void esnHighBitsLeftOutOfTheIcvFailAtACorrectPeerOnly(EspSuite suite) {
        SaParams[] p = TestPackets.pair(suite, EspMode.TRANSPORT, true, 3, 64);
        Defects bug = Defects.of(7, Defect.ESN_HIGH_NOT_IN_ICV);
        EspSa faultyOut = EspSa.create(p[0], bug);
        EspSa faultyIn = EspSa.create(p[1], bug);
        EspSa correctIn = EspSa.create(p[1]);
        byte[] packet = TestPackets.ipv4(17, new byte[30]);

        byte[] esp = engine.encrypt(faultyOut, packet, null).output();

        assertThat(engine.decrypt(correctIn, esp).status()).isEqualTo(JobStatus.ICV_MISMATCH);
        assertThat(engine.decrypt(faultyIn, esp).output()).as("two buggy peers agree").isEqualTo(packet);
    }

    @Test
    void esnDefectDoesNothingWithoutEsn() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 4, 64);
        byte[] packet = TestPackets.ipv4(17, new byte[30]);

        byte[] esp = engine.encrypt(EspSa.create(p[0], Defects.of(7, Defect.ESN_HIGH_NOT_IN_ICV)), packet, null).output();

        assertThat(engine.decrypt(EspSa.create(p[1]), esp).output()).isEqualTo(packet);
    }

    @Test
    void padLengthOffByOneFailsThePaddingCheckOrEatsAPayloadByte() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 5, 64);
        EspSa faulty = EspSa.create(p[0], Defects.of(7, Defect.PAD_LENGTH_OFF_BY_ONE));
        EspSa in = EspSa.create(p[1]);
        byte[] padded = TestPackets.ipv4(17, new byte[30]);      // 30 + 2 -> 14 padding bytes... field says 15
        byte[] payload14 = new byte[14];                          // 14 + 2 = 16: no padding, field says 1
        payload14[13] = 1;
        byte[] unpadded = TestPackets.ipv4(17, payload14);

        EspResult a = engine.decrypt(in, engine.encrypt(faulty, padded, null).output());
        EspResult b = engine.decrypt(in, engine.encrypt(faulty, unpadded, null).output());

        assertThat(a.status()).isEqualTo(JobStatus.BAD_PADDING);
        assertThat(b.status()).as("the last payload byte (1) passes as padding").isEqualTo(JobStatus.OK);
        assertThat(b.output()).hasSize(unpadded.length - 1);
    }

    @Test
    void wrongNextHeaderRelabelsTransportAndBreaksTunnel() {
        Defects bug = Defects.of(7, Defect.WRONG_NEXT_HEADER);
        SaParams[] t = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 6, 64);
        SaParams[] u = TestPackets.pair(CBC, EspMode.TUNNEL, false, 6, 64);
        byte[] packet = TestPackets.ipv4(17, new byte[30]);

        EspResult transport = engine.decrypt(EspSa.create(t[1]), engine.encrypt(EspSa.create(t[0], bug), packet, null).output());
        EspResult tunnel = engine.decrypt(EspSa.create(u[1]), engine.encrypt(EspSa.create(u[0], bug), packet, null).output());

        assertThat(transport.status()).isEqualTo(JobStatus.OK);
        assertThat(Ipv4.protocol(transport.output())).as("UDP came back as IP-in-IP").isEqualTo(4);
        assertThat(tunnel.status()).isEqualTo(JobStatus.MALFORMED_PACKET);
        assertThat(tunnel.reason()).contains("next header 17");
    }

    @Test
    void truncatedIcvMakesPacketsShortAndUnacceptable() {
        Defects bug = Defects.of(7, Defect.ICV_TRUNCATED_SHORT);
        byte[] packet = TestPackets.ipv4(17, new byte[30]);
        SaParams[] g = TestPackets.pair(GCM, EspMode.TRANSPORT, false, 7, 64);
        SaParams[] c = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 7, 64);

        byte[] gShort = engine.encrypt(EspSa.create(g[0], bug), packet, null).output();
        byte[] gFull = engine.encrypt(EspSa.create(g[0]), packet, null).output();
        byte[] iv = new byte[16];
        byte[] cShort = engine.encrypt(EspSa.create(c[0], bug), packet, iv).output();
        byte[] cFull = engine.encrypt(EspSa.create(c[0]), packet, iv).output();

        assertThat(gShort.length).isEqualTo(gFull.length - 8);
        assertThat(cShort.length).isEqualTo(cFull.length - 4);
        assertThat(engine.decrypt(EspSa.create(g[1]), gShort).status()).isEqualTo(JobStatus.ICV_MISMATCH);
        // 4 bytes short, the CBC ciphertext no longer ends on a block: refused before any crypto
        assertThat(engine.decrypt(EspSa.create(c[1]), cShort).status()).isEqualTo(JobStatus.MALFORMED_PACKET);
        // the 8 bytes sent are the start of the correct ICV
        assertThat(Arrays.copyOfRange(cShort, cShort.length - 8, cShort.length))
                .isEqualTo(Arrays.copyOfRange(cFull, cFull.length - 12, cFull.length - 4));
    }

    @Test
    void swappedSpiIsUnknownToACorrectPeer() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 8, 64);
        Defects bug = Defects.of(7, Defect.SPI_BYTE_SWAPPED);
        byte[] packet = TestPackets.ipv4(17, new byte[30]);

        byte[] esp = engine.encrypt(EspSa.create(p[0], bug), packet, null).output();

        assertThat(Ipv4.getInt(esp, 20)).isEqualTo(Integer.reverseBytes((int) p[0].spi()));
        assertThat(engine.decrypt(EspSa.create(p[1]), esp).status()).isEqualTo(JobStatus.NO_SA);
        assertThat(engine.decrypt(EspSa.create(p[1], bug), esp).output()).isEqualTo(packet);
    }

    @Test
    void offByOneWindowAcceptsTheFirstNumberLeftOfItAgainAndAgain() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 9, 64);
        EspSa out = EspSa.create(p[0]);
        EspSa faulty = EspSa.create(p[1], Defects.of(7, Defect.REPLAY_WINDOW_OFF_BY_ONE));
        EspSa correct = EspSa.create(p[1]);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            sent.add(engine.encrypt(out, TestPackets.ipv4(17, new byte[] {(byte) i}), null).output());
        }
        for (byte[] esp : sent.subList(1, 65)) {
            assertThat(engine.decrypt(faulty, esp).status()).isEqualTo(JobStatus.OK);
            assertThat(engine.decrypt(correct, esp).status()).isEqualTo(JobStatus.OK);
        }

        // highest is 65, the window 64: sequence number 1 is exactly one left of it
        assertThat(engine.decrypt(correct, sent.get(0)).status()).isEqualTo(JobStatus.REPLAY);
        assertThat(engine.decrypt(faulty, sent.get(0)).status()).isEqualTo(JobStatus.OK);
        assertThat(engine.decrypt(faulty, sent.get(0)).status()).as("and again").isEqualTo(JobStatus.OK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cbcAndGcm")
    void badIcvIsAcceptedAndDecrypted(EspSuite suite) {
        SaParams[] p = TestPackets.pair(suite, EspMode.TRANSPORT, false, 10, 64);
        byte[] packet = TestPackets.ipv4(17, new byte[45]);
        byte[] esp = engine.encrypt(EspSa.create(p[0]), packet, null).output();
        esp[esp.length - 1] ^= 0x40;

        EspResult faulty = engine.decrypt(EspSa.create(p[1], Defects.of(7, Defect.ACCEPTS_BAD_ICV)), esp);
        EspResult correct = engine.decrypt(EspSa.create(p[1]), esp);

        assertThat(correct.status()).isEqualTo(JobStatus.ICV_MISMATCH);
        assertThat(faulty.status()).isEqualTo(JobStatus.OK);
        assertThat(faulty.output()).isEqualTo(packet);
    }

    @Test
    void deviceLevelDefectsDoNotChangeTheEngine() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 11, 64);
        Defects device = Defects.of(7, Defect.DROP_EVERY_NTH_JOB, Defect.JOB_ANSWERED_TWICE, Defect.MAC_NOT_RESTORED,
                Defect.SA_SLOT_ALIASED_AFTER_DELETE, Defect.STATE_NOT_CLEARED_ON_RESET);
        byte[] packet = TestPackets.ipv4(17, new byte[45]);
        byte[] iv = new byte[16];

        byte[] withDeviceDefects = engine.encrypt(EspSa.create(p[0], device), packet, iv).output();
        byte[] healthy = engine.encrypt(EspSa.create(p[0]), packet, iv).output();

        assertThat(withDeviceDefects).isEqualTo(healthy);
    }

    private List<byte[]> ivs(EspSa sa, int count) {
        List<byte[]> ivs = new ArrayList<>();
        int ivLen = sa.suite().ivLength();
        for (int i = 0; i < count; i++) {
            byte[] out = engine.encrypt(sa, TestPackets.ipv4(17, new byte[20 + i]), null).output();
            ivs.add(Arrays.copyOfRange(out, 28, 28 + ivLen));
        }
        return ivs;
    }
}
