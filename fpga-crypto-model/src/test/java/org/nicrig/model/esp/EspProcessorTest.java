package org.nicrig.model.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;

/** Framing, validation and results of the processor, one behaviour per test. */
class EspProcessorTest {
    private static final EspSuite CBC = EspSuite.of(Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128);
    private final EspProcessor engine = EspProcessor.seeded(42);

    static List<EspSuite> suites() {
        return EspSuite.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void transportPacketHasTheRfc4303Layout(EspSuite suite) {
        SaParams[] p = TestPackets.pair(suite, EspMode.TRANSPORT, false, 7, 64);
        byte[] original = withOptions(TestPackets.ipv4(17, new byte[37]));

        byte[] out = engine.encrypt(EspSa.create(p[0]), original, null).output();

        int header = 24;
        int ctLen = out.length - header - 8 - suite.ivLength() - suite.icvLength();
        assertThat(Arrays.copyOf(out, 2)).isEqualTo(Arrays.copyOf(original, 2));
        assertThat(Arrays.copyOfRange(out, 4, 9)).as("identification, flags, TTL kept")
                .isEqualTo(Arrays.copyOfRange(original, 4, 9));
        assertThat(Arrays.copyOfRange(out, 12, header)).as("addresses and options kept").isEqualTo(Arrays.copyOfRange(original, 12, header));
        assertThat(Ipv4.protocol(out)).isEqualTo(50);
        assertThat(Ipv4.totalLength(out)).isEqualTo(out.length);
        assertThat(Ipv4.checksum(out, header)).as("a valid header checksums to zero").isZero();
        assertThat(Ipv4.getInt(out, header)).isEqualTo((int) p[0].spi());
        assertThat(Ipv4.getInt(out, header + 4)).isEqualTo(1);
        assertThat(ctLen % suite.padBoundary()).isZero();
        assertThat(ctLen).as("37 payload bytes + 2 trailer bytes, padded to less than one more boundary")
                .isBetween(39, 39 + suite.padBoundary() - 1);
    }

    @Test
    void tunnelPacketGetsAnOuterHeaderFromTheSa() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TUNNEL, false, 8, 64);
        byte[] inner = TestPackets.ipv4(6, new byte[100]);
        inner[1] = (byte) 0xB8; // DSCP EF
        inner[6] = 0x40;        // DF
        Ipv4.writeChecksum(inner, 20);

        EspResult r = engine.encrypt(EspSa.create(p[0]), inner, null);

        byte[] out = r.output();
        assertThat(out[0]).isEqualTo((byte) 0x45);
        assertThat(out[1]).as("TOS copied").isEqualTo((byte) 0xB8);
        assertThat(out[6]).as("DF copied").isEqualTo((byte) 0x40);
        assertThat(out[8]).isEqualTo((byte) 64);
        assertThat(Ipv4.protocol(out)).isEqualTo(50);
        assertThat(Ipv4.getInt(out, 12)).isEqualTo(TestPackets.TUNNEL_SRC);
        assertThat(Ipv4.getInt(out, 16)).isEqualTo(TestPackets.TUNNEL_DST);
        assertThat(Ipv4.totalLength(out)).isEqualTo(out.length);
        assertThat(Ipv4.checksum(out, 20)).isZero();
        assertThat(engine.decrypt(EspSa.create(p[1]), out).output()).isEqualTo(inner);
    }

    @Test
    void transportRoundTripRestoresOptionsAndProtocol() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 9, 64);
        byte[] original = withOptions(TestPackets.ipv4(132, new byte[] {1, 2, 3}));

        EspResult r = engine.decrypt(EspSa.create(p[1]), engine.encrypt(EspSa.create(p[0]), original, null).output());

        assertThat(r.status()).isEqualTo(JobStatus.OK);
        assertThat(r.output()).isEqualTo(original);
    }

    @Test
    void sameStateAndFixedIvGiveTheSameBytesAndFreshIvsDiffer() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 10, 64);
        byte[] packet = TestPackets.ipv4(17, new byte[64]);
        byte[] iv = new byte[16];
        Arrays.fill(iv, (byte) 0x5A);

        byte[] a = EspProcessor.secure().encrypt(EspSa.create(p[0]), packet, iv).output();
        byte[] b = EspProcessor.secure().encrypt(EspSa.create(p[0]), packet, iv).output();
        EspSa sa = EspSa.create(p[0]);
        byte[] c = engine.encrypt(sa, packet, null).output();
        byte[] d = engine.encrypt(sa, packet, null).output();

        assertThat(a).isEqualTo(b);
        assertThat(Arrays.copyOfRange(a, 28, 44)).isEqualTo(iv);
        assertThat(Arrays.copyOfRange(c, 28, 44)).isNotEqualTo(Arrays.copyOfRange(d, 28, 44));
    }

    @Test
    void sameSeedGivesTheSamePackets() {
        SaParams[] p = TestPackets.pair(EspSuite.of(Cipher.AES_256_GCM_16, Integrity.NONE), EspMode.TRANSPORT, false, 11, 64);
        byte[] packet = TestPackets.ipv4(17, new byte[50]);

        byte[] a = EspProcessor.seeded(5).encrypt(EspSa.create(p[0]), packet, null).output();
        byte[] b = EspProcessor.seeded(5).encrypt(EspSa.create(p[0]), packet, null).output();
        byte[] c = EspProcessor.seeded(6).encrypt(EspSa.create(p[0]), packet, null).output();

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void directionMustFitTheJob() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 12, 64);
        byte[] packet = TestPackets.ipv4(17, new byte[10]);

        assertThat(engine.encrypt(EspSa.create(p[1]), packet, null).status()).isEqualTo(JobStatus.NO_SA);
        assertThat(engine.decrypt(EspSa.create(p[0]), packet).status()).isEqualTo(JobStatus.NO_SA);
    }

    @Test
    void malformedInputIsAResultWithTheOffendingField() {
        EspSa out = EspSa.create(TestPackets.pair(CBC, EspMode.TRANSPORT, false, 13, 64)[0]);
        byte[] good = TestPackets.ipv4(17, new byte[10]);
        byte[] v6 = good.clone();
        v6[0] = 0x65;
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        byte[] fragment = good.clone();
        fragment[6] = 0x20; // MF
        Ipv4.writeChecksum(fragment, 20);

        assertThat(engine.encrypt(out, new byte[7], null).reason()).contains("7 bytes");
        assertThat(engine.encrypt(out, null, null).status()).isEqualTo(JobStatus.MALFORMED_PACKET);
        assertThat(engine.encrypt(out, v6, null).reason()).contains("IP version 6");
        assertThat(engine.encrypt(out, longer, null).reason()).contains("total length 30", "31 bytes");
        assertThat(engine.encrypt(out, fragment, null).reason()).contains("fragments");
        assertThat(engine.encrypt(out, good, new byte[8]).reason()).contains("fixed IV of 8 bytes", "needs 16");
        assertThat(out.lastSequenceSent()).as("no refused packet uses a sequence number").isZero();
    }

    @Test
    void malformedEspIsRefusedBeforeAnyCrypto() {
        EspSa in = EspSa.create(TestPackets.pair(CBC, EspMode.TRANSPORT, false, 14, 64)[1]);

        EspResult notEsp = engine.decrypt(in, TestPackets.ipv4(17, new byte[80]));
        EspResult truncated = engine.decrypt(in, TestPackets.espInIpv4(new byte[8 + 16 + 16]));
        EspResult ragged = engine.decrypt(in, TestPackets.espInIpv4(new byte[8 + 16 + 17 + 16]));

        assertThat(notEsp.status()).isEqualTo(JobStatus.MALFORMED_PACKET);
        assertThat(notEsp.reason()).contains("protocol 17");
        assertThat(truncated.status()).isEqualTo(JobStatus.MALFORMED_PACKET);
        assertThat(ragged.reason()).contains("17 bytes of ciphertext");
    }

    @Test
    void anotherSpiIsNoSa() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 15, 64);
        byte[] esp = engine.encrypt(EspSa.create(p[0]), TestPackets.ipv4(17, new byte[10]), null).output();
        esp[20] ^= 0x01;

        EspResult r = engine.decrypt(EspSa.create(p[1]), esp);

        assertThat(r.status()).isEqualTo(JobStatus.NO_SA);
        assertThat(r.reason()).contains("SPI");
    }

    @Test
    void thirtyTwoBitCounterStopsAtTwoToThe32MinusOne() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, false, 16, 64);
        EspSa sa = EspSa.create(p[0]);
        sa.presetOutboundSequence(0xFFFF_FFFEL);
        byte[] packet = TestPackets.ipv4(17, new byte[10]);

        EspResult last = engine.encrypt(sa, packet, null);
        EspResult refused = engine.encrypt(sa, packet, null);

        assertThat(last.status()).isEqualTo(JobStatus.OK);
        assertThat(last.sequenceNumber()).isEqualTo(0xFFFF_FFFFL);
        assertThat(refused.status()).isEqualTo(JobStatus.SEQUENCE_EXHAUSTED);
        assertThat(refused.reason()).contains("4294967295", "RFC 4303 §3.3.3");
        assertThat(engine.encrypt(sa, packet, null).status()).as("and stays refused").isEqualTo(JobStatus.SEQUENCE_EXHAUSTED);
    }

    @Test
    void esnCounterStopsAtTwoToThe64MinusOne() {
        EspSa sa = EspSa.create(TestPackets.pair(CBC, EspMode.TRANSPORT, true, 17, 64)[0]);
        sa.presetOutboundSequence(-2L);
        byte[] packet = TestPackets.ipv4(17, new byte[10]);

        assertThat(engine.encrypt(sa, packet, null).sequenceNumber()).isEqualTo(-1L);
        assertThat(engine.encrypt(sa, packet, null).status()).isEqualTo(JobStatus.SEQUENCE_EXHAUSTED);
    }

    @Test
    void packetThatWouldOutgrowIpv4IsTooLarge() {
        EspSa sa = EspSa.create(TestPackets.pair(CBC, EspMode.TUNNEL, false, 18, 64)[0]);

        EspResult r = engine.encrypt(sa, TestPackets.ipv4(17, new byte[65_490]), null);

        assertThat(r.status()).isEqualTo(JobStatus.TOO_LARGE);
        assertThat(r.reason()).contains("65535");
    }

    @Test
    void badPaddingBytesAndPadLengthAreReported() throws Exception {
        // Crafted with an encryption-only SA: without an ICV any plaintext can be made to decrypt.
        byte[] key = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] iv = new byte[16];
        byte[] wrongByte = trailer(16, new byte[] {1, 2, 9, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, 14, 17);
        byte[] padTooLong = trailer(16, new byte[14], 200, 17);
        byte[] dummy = trailer(16, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, 14, 59);

        assertThat(decryptCrafted(key, iv, wrongByte).reason()).contains("padding byte 3 of 14 is 9");
        assertThat(decryptCrafted(key, iv, wrongByte).status()).isEqualTo(JobStatus.BAD_PADDING);
        assertThat(decryptCrafted(key, iv, padTooLong).status()).isEqualTo(JobStatus.BAD_PADDING);
        assertThat(decryptCrafted(key, iv, padTooLong).reason()).contains("pad length 200");
        assertThat(decryptCrafted(key, iv, dummy).reason()).contains("next header 59");
    }

    @Test
    void keysNeverAppearInResultsExceptionsOrToString() {
        byte[] enc = new byte[16];
        Arrays.fill(enc, (byte) 0xA7);
        byte[] auth = new byte[32];
        Arrays.fill(auth, (byte) 0xB9);
        SaParams out = TestPackets.params(CBC, Direction.OUTBOUND, EspMode.TRANSPORT, false, 0x1234, enc, auth, 64);
        SaParams in = TestPackets.params(CBC, Direction.INBOUND, EspMode.TRANSPORT, false, 0x1234, enc, auth, 64);
        EspSa outSa = EspSa.create(out);
        EspSa inSa = EspSa.create(in);
        byte[] packet = engine.encrypt(outSa, TestPackets.ipv4(17, new byte[20]), null).output();
        byte[] tampered = packet.clone();
        tampered[tampered.length - 1] ^= 1;

        List<String> texts = new ArrayList<>();
        texts.add(outSa.toString());
        texts.add(inSa.toString());
        texts.add(engine.decrypt(inSa, tampered).toString());
        texts.add(engine.decrypt(inSa, packet).toString());
        texts.add(engine.decrypt(inSa, packet).toString());
        texts.add(engine.decrypt(outSa, packet).toString());
        texts.add(engine.selfTest(Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128, KeyBytes.of(enc), KeyBytes.of(auth),
                new byte[16], new byte[15]).toString());
        texts.add(catchMessage(() -> EspSa.create(TestPackets.params(CBC, Direction.OUTBOUND, EspMode.TRANSPORT,
                false, 1, Arrays.copyOf(enc, 15), auth, 64))));

        for (String text : texts) {
            assertThat(text.toLowerCase()).doesNotContain("a7a7a7a7", "b9b9b9b9");
        }
        assertThat(texts).anyMatch(t -> t.contains("ICV_MISMATCH")).anyMatch(t -> t.contains("REPLAY"));
    }

    @Test
    void invalidSasAreRefusedWithTheReason() {
        byte[] auth = new byte[32];
        assertThatThrownBy(() -> EspSa.create(TestPackets.params(CBC, Direction.OUTBOUND, EspMode.TRANSPORT, false, 1,
                new byte[24], auth, 64))).isInstanceOf(InvalidSaException.class).hasMessageContaining("16", "24");
        assertThatThrownBy(() -> EspSa.create(TestPackets.params(CBC, Direction.OUTBOUND, EspMode.TRANSPORT, false, 1,
                new byte[16], new byte[20], 64))).isInstanceOf(InvalidSaException.class).hasMessageContaining("32-byte");
        assertThatThrownBy(() -> EspSa.create(new SaParams(1, Direction.OUTBOUND, EspMode.TRANSPORT, Cipher.AES_128_GCM_16,
                Integrity.HMAC_SHA1_96, false, 64, 0, 0, KeyBytes.of(new byte[20]), KeyBytes.of(new byte[20]))))
                .isInstanceOf(InvalidSaException.class).hasMessageContaining("combined mode");
        assertThatThrownBy(() -> EspSa.create(new SaParams(1, Direction.OUTBOUND, EspMode.TUNNEL, Cipher.AES_128_CBC,
                Integrity.HMAC_SHA1_96, false, 64, 0, 0, KeyBytes.of(new byte[16]), KeyBytes.of(new byte[20]))))
                .isInstanceOf(InvalidSaException.class).hasMessageContaining("tunnelSource");
        assertThatThrownBy(() -> EspSa.create(new SaParams(1, Direction.OUTBOUND, EspMode.TRANSPORT, Cipher.AES_128_GCM_16,
                Integrity.NONE, false, 64, 0, 0, KeyBytes.of(new byte[16]), KeyBytes.NONE)))
                .isInstanceOf(InvalidSaException.class).hasMessageContaining("salt");
    }

    @Test
    void encryptionOnlySuitesHaveNoReplayCheck() {
        EspSuite suite = EspSuite.of(Cipher.AES_128_CBC, Integrity.NONE);
        SaParams[] p = TestPackets.pair(suite, EspMode.TRANSPORT, false, 19, 64);
        EspSa in = EspSa.create(p[1]);
        byte[] esp = engine.encrypt(EspSa.create(p[0]), TestPackets.ipv4(17, new byte[5]), null).output();

        assertThat(in.replayWindowSize()).isZero();
        assertThat(engine.decrypt(in, esp).status()).isEqualTo(JobStatus.OK);
        assertThat(engine.decrypt(in, esp).status()).isEqualTo(JobStatus.OK);
    }

    @Test
    void withAntiReplayOffEsnInferenceStillFollowsTheTraffic() {
        SaParams[] p = TestPackets.pair(CBC, EspMode.TRANSPORT, true, 20, 0);
        EspSa out = EspSa.create(p[0]);
        EspSa in = EspSa.create(p[1]);
        out.presetOutboundSequence(0xFFFF_FFF0L);
        in.presetInboundTop(0xFFFF_FFF0L);
        byte[] packet = TestPackets.ipv4(17, new byte[8]);
        byte[] last = null;

        for (long seq = 0xFFFF_FFF1L; seq <= 0x1_0000_0020L; seq++) {
            last = engine.encrypt(out, packet, null).output();
            EspResult r = engine.decrypt(in, last);
            assertThat(r.sequenceNumber()).isEqualTo(seq);
            assertThat(r.status()).isEqualTo(JobStatus.OK);
        }

        assertThat(in.replayWindowSize()).isZero();
        assertThat(engine.decrypt(in, last).status()).as("no anti-replay: a repeat passes").isEqualTo(JobStatus.OK);
    }

    @Test
    void suiteTableCoversEveryCipherAndIntegrity() {
        assertThat(EspSuite.all()).hasSize(14).doesNotHaveDuplicates();
        assertThat(EspSuite.of(Cipher.TRIPLE_DES_CBC, Integrity.HMAC_MD5_96).jceTransformation()).isEqualTo("DESede/CBC/NoPadding");
        assertThat(EspSuite.of(Cipher.AES_256_GCM_16, Integrity.NONE).keyMaterialLength()).isEqualTo(36);
        assertThat(EspSuite.of(Cipher.AES_256_GCM_16, Integrity.NONE).padBoundary()).isEqualTo(4);
        assertThat(EspSuite.of(Cipher.DES_CBC, Integrity.HMAC_SHA1_96).icvLength()).isEqualTo(12);
        assertThatThrownBy(() -> EspSuite.of(Cipher.AES_128_GCM_16, Integrity.HMAC_MD5_96))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private EspResult decryptCrafted(byte[] key, byte[] iv, byte[] plaintext) {
        EspResult c = engine.selfTest(Cipher.AES_128_CBC, Integrity.NONE, KeyBytes.of(key), KeyBytes.NONE, iv, plaintext);
        byte[] esp = new byte[8 + 16 + c.output().length];
        Ipv4.putInt(esp, 0, 0x99);
        Ipv4.putInt(esp, 4, 1);
        System.arraycopy(iv, 0, esp, 8, 16);
        System.arraycopy(c.output(), 0, esp, 24, c.output().length);
        SaParams in = TestPackets.params(EspSuite.of(Cipher.AES_128_CBC, Integrity.NONE), Direction.INBOUND,
                EspMode.TRANSPORT, false, 0x99, key, new byte[0], 64);
        return engine.decrypt(EspSa.create(in), TestPackets.espInIpv4(esp));
    }

    private static byte[] trailer(int payload, byte[] pad, int padLength, int nextHeader) {
        byte[] p = new byte[payload + pad.length + 2];
        new SplittableRandom(1).nextBytes(p);
        System.arraycopy(pad, 0, p, payload, pad.length);
        p[p.length - 2] = (byte) padLength;
        p[p.length - 1] = (byte) nextHeader;
        return p;
    }

    /** Inserts 4 bytes of IPv4 options (NOP x3, EOL) after a 20-byte header. */
    private static byte[] withOptions(byte[] packet) {
        byte[] p = new byte[packet.length + 4];
        System.arraycopy(packet, 0, p, 0, 20);
        p[20] = 1;
        p[21] = 1;
        p[22] = 1;
        System.arraycopy(packet, 20, p, 24, packet.length - 20);
        p[0] = 0x46;
        Ipv4.putShort(p, 2, p.length);
        Ipv4.writeChecksum(p, 24);
        return p;
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
            return "";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
