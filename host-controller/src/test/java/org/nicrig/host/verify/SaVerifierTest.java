package org.nicrig.host.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.host.verify.Packets.cbcSha1;
import static org.nicrig.host.verify.Packets.forgeCbc;
import static org.nicrig.host.verify.Packets.iv;
import static org.nicrig.host.verify.Packets.udp;
import static org.nicrig.host.verify.Packets.withTrailer;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.SaParams;

/** Each check of {@link SaVerifier} fires on the defect it is for, and only then. */
class SaVerifierTest {
    private static final long SPI = 0x1234;
    private final SaParams sa = cbcSha1(SPI, EspMode.TRANSPORT);
    private final SaVerifier verifier = new SaVerifier(sa);
    private final EspReference device = new EspReference(sa);

    private static Verdict.Failed failed(Verdict v) {
        assertThat(v).isInstanceOf(Verdict.Failed.class);
        return (Verdict.Failed) v;
    }

    private static Failure only(Verdict v, Check check) {
        Verdict.Failed f = failed(v);
        assertThat(f.checks()).containsExactly(check);
        return f.failures().get(0);
    }

    @Test
    void aCorrectPacketIsOk() {
        byte[] sent = udp(1, 100);
        Verdict v = verifier.verify("nic0", sent, device.seal(sent, 1, iv(1, 16)));
        assertThat(v).isEqualTo(new Verdict.Ok("nic0", SPI, 1));
        assertThat(verifier.highestSequence()).isEqualTo(1);
    }

    @Test
    void flippedIcvNamesTheIcvWithBothValues() {
        byte[] sent = udp(1, 100);
        byte[] esp = device.seal(sent, 1, iv(1, 16));
        byte[] goodIcv = Arrays.copyOfRange(esp, esp.length - 12, esp.length);
        esp[esp.length - 1] ^= 0x01;
        Failure f = only(verifier.verify("nic0", sent, esp), Check.ICV);
        assertThat(f.expected()).isEqualTo(Hex.of(goodIcv));
        assertThat(f.actual()).isEqualTo(Hex.of(Arrays.copyOfRange(esp, esp.length - 12, esp.length)));
        assertThat(verifier.highestSequence()).as("a forged packet does not advance the SA").isZero();
    }

    @Test
    void flippedCiphertextIsAnIcvFailureNotAPlaintextOne() {
        byte[] sent = udp(1, 100);
        byte[] esp = device.seal(sent, 1, iv(1, 16));
        esp[60] ^= 0x40;
        only(verifier.verify("nic0", sent, esp), Check.ICV);
    }

    @Test
    void wrongPaddingBytes() {
        byte[] sent = udp(1, 100); // payload 80 + 2 → 14 bytes of padding under AES
        byte[] plain = withTrailer(Arrays.copyOfRange(sent, 20, 100), 16, 17);
        Arrays.fill(plain, 80, 94, (byte) 0);
        Failure f = only(verifier.verify("nic0", sent, forgeCbc(sa, sent, 1, iv(1, 16), plain)), Check.PADDING);
        assertThat(f.expected()).isEqualTo("0102030405060708090a0b0c0d0e");
        assertThat(f.actual()).isEqualTo("0000000000000000000000000000");
    }

    @Test
    void padLengthBeyondThePayload() {
        byte[] sent = udp(1, 66); // payload 46 + 2 = 48: no padding needed
        byte[] plain = withTrailer(Arrays.copyOfRange(sent, 20, 66), 16, 17);
        plain[plain.length - 2] = (byte) 200;
        Failure f = only(verifier.verify("nic0", sent, forgeCbc(sa, sent, 1, iv(1, 16), plain)), Check.PAD_LENGTH);
        assertThat(f.actual()).isEqualTo("200");
        assertThat(f.expected()).isEqualTo("at most 46");
    }

    @Test
    void wrongNextHeaderIsReportedOnceNotAlsoAsPlaintext() {
        byte[] sent = udp(1, 100);
        byte[] plain = withTrailer(Arrays.copyOfRange(sent, 20, 100), 16, 6); // TCP instead of UDP
        Failure f = only(verifier.verify("nic0", sent, forgeCbc(sa, sent, 1, iv(1, 16), plain)), Check.NEXT_HEADER);
        assertThat(f.expected()).isEqualTo("17");
        assertThat(f.actual()).isEqualTo("6");
    }

    @Test
    void dummyPacketNextHeader59IsRejected() {
        byte[] sent = udp(1, 100);
        byte[] plain = withTrailer(Arrays.copyOfRange(sent, 20, 100), 16, 59);
        only(verifier.verify("nic0", sent, forgeCbc(sa, sent, 1, iv(1, 16), plain)), Check.NEXT_HEADER);
    }

    @Test
    void tunnelModeNextHeaderMustBeIpv4() {
        SaParams tunnel = cbcSha1(0x77, EspMode.TUNNEL);
        SaVerifier v = new SaVerifier(tunnel);
        byte[] sent = udp(1, 60);
        byte[] esp = Packets.wrapOuter(new EspReference(tunnel).sealEsp(1, iv(1, 16), sent, 41));
        Failure f = only(v.verify("nic0", sent, esp), Check.NEXT_HEADER);
        assertThat(f.expected()).isEqualTo("4");
        assertThat(f.actual()).isEqualTo("41");
    }

    @Test
    void tunnelModeRoundTripIsOk() {
        SaParams tunnel = cbcSha1(0x77, EspMode.TUNNEL);
        byte[] sent = udp(9, 333);
        byte[] esp = new EspReference(tunnel).seal(sent, 1, iv(1, 16), new OuterHeader(0, 0x1111, 0x4000, 64));
        assertThat(Ipv4.u32(esp, 12)).isEqualTo(0xc6336401L);
        assertThat(Ipv4.u32(esp, 16)).isEqualTo(0xc6336402L);
        assertThat(new SaVerifier(tunnel).verify("nic0", sent, esp).isOk()).isTrue();
    }

    @Test
    void plaintextMismatchShowsWhereItDiffers() {
        byte[] sent = udp(1, 100);
        byte[] other = sent.clone();
        other[60] ^= 0x55; // a payload byte the device got wrong
        Failure f = only(verifier.verify("nic0", sent, device.seal(other, 1, iv(1, 16))), Check.PLAINTEXT);
        assertThat(f.detail()).contains("first difference at byte 60");
        assertThat(f.expected()).contains(Hex.of(sent, 60, 61));
        assertThat(f.actual()).contains(Hex.of(other, 60, 61));
    }

    @Test
    void spiOfAnotherSa() {
        byte[] sent = udp(1, 100);
        EspReference stranger = new EspReference(cbcSha1(0x9999, EspMode.TRANSPORT));
        Failure f = only(verifier.verify("nic0", sent, stranger.seal(sent, 1, iv(1, 16))), Check.SPI);
        assertThat(f.expected()).isEqualTo("0x00001234");
        assertThat(f.actual()).isEqualTo("0x00009999");
    }

    @Test
    void reusedIv() {
        byte[] iv = iv(7, 16);
        assertThat(verifier.verify("nic0", udp(1, 100), device.seal(udp(1, 100), 1, iv)).isOk()).isTrue();
        Failure f = only(verifier.verify("nic0", udp(2, 100), device.seal(udp(2, 100), 2, iv)), Check.IV_REUSE);
        assertThat(f.actual()).isEqualTo(Hex.of(iv));
        assertThat(verifier.ivRepeats()).isEqualTo(1);
    }

    @Test
    void sequenceGoingBackwardsAndReused() {
        assertThat(verifier.verify("nic0", udp(1, 80), device.seal(udp(1, 80), 5, iv(1, 16))).isOk()).isTrue();
        Failure back = only(verifier.verify("nic0", udp(2, 80), device.seal(udp(2, 80), 3, iv(2, 16))),
                Check.SEQUENCE_ORDER);
        assertThat(back.expected()).isEqualTo("above 5");
        assertThat(back.actual()).isEqualTo("3");
        assertThat(back.detail()).isEqualTo("went backwards");
        Failure again = only(verifier.verify("nic0", udp(3, 80), device.seal(udp(3, 80), 5, iv(3, 16))),
                Check.SEQUENCE_ORDER);
        assertThat(again.detail()).isEqualTo("reused");
        assertThat(verifier.verify("nic0", udp(4, 80), device.seal(udp(4, 80), 6, iv(4, 16))).isOk()).isTrue();
    }

    @Test
    void sequenceZeroIsNeverSent() {
        only(verifier.verify("nic0", udp(1, 80), device.seal(udp(1, 80), 0, iv(1, 16))), Check.SEQUENCE);
    }

    @Test
    void truncatedPacketIsALengthFailure() {
        byte[] sent = udp(1, 100);
        byte[] esp = device.seal(sent, 1, iv(1, 16));
        Failure f = only(verifier.verify("nic0", sent, Arrays.copyOf(esp, esp.length - 4)), Check.LENGTH);
        assertThat(f.expected()).isEqualTo(Integer.toString(esp.length - 4));
        assertThat(f.actual()).isEqualTo(Integer.toString(esp.length));
    }

    @Test
    void ciphertextNotWholeBlocksIsALengthFailure() {
        byte[] sent = udp(1, 100);
        byte[] esp = device.seal(sent, 1, iv(1, 16));
        byte[] cut = Packets.ipWithProtocol(Arrays.copyOf(esp, esp.length - 1), 50); // one byte short
        Failure f = only(verifier.verify("nic0", sent, cut), Check.LENGTH);
        assertThat(f.expected()).isEqualTo("a multiple of 16");
    }

    @Test
    void notEspOrBadChecksumIsMalformed() {
        byte[] sent = udp(1, 100);
        byte[] esp = device.seal(sent, 1, iv(1, 16));
        Failure proto = only(verifier.verify("nic0", sent, Packets.ipWithProtocol(esp.clone(), 51)), Check.MALFORMED);
        assertThat(proto.expected()).isEqualTo("50");
        byte[] badSum = esp.clone();
        badSum[10] ^= 1;
        assertThat(only(verifier.verify("nic0", sent, badSum), Check.MALFORMED).detail()).contains("checksum");
    }

    @Test
    void fixedIvModeMatchesTheReferenceByteForByte() {
        byte[] sent = udp(1, 100);
        byte[] iv = iv(3, 16);
        assertThat(verifier.verifyFixedIv("nic0", sent, device.seal(sent, 7, iv), 7, iv).isOk()).isTrue();
        // fixed-IV mode leaves IV uniqueness to the rig that chose them
        assertThat(verifier.verifyFixedIv("nic0", udp(2, 100), device.seal(udp(2, 100), 8, iv), 8, iv).isOk()).isTrue();
    }

    @Test
    void fixedIvModeCatchesAnotherIv() {
        byte[] sent = udp(1, 100);
        Failure f = only(verifier.verifyFixedIv("nic0", sent, device.seal(sent, 7, iv(4, 16)), 7, iv(3, 16)),
                Check.CIPHERTEXT);
        assertThat(f.detail()).contains("first difference at byte 28"); // 20 IP + 8 ESP header: the IV
    }

    @Test
    void fixedIvModeCatchesAnotherSequenceNumber() {
        byte[] sent = udp(1, 100);
        byte[] iv = iv(3, 16);
        Verdict.Failed v = failed(verifier.verifyFixedIv("nic0", sent, device.seal(sent, 8, iv), 7, iv));
        assertThat(v.checks()).containsExactlyInAnyOrder(Check.SEQUENCE, Check.CIPHERTEXT);
        assertThat(v.failures().get(0).expected()).isEqualTo("7");
        assertThat(v.failures().get(0).actual()).isEqualTo("8");
    }

    @Test
    void stateIsPerSaAcrossFailOver() {
        PacketVerifier rig = new PacketVerifier();
        rig.install(sa);
        for (int seq = 1; seq <= 3; seq++) {
            assertThat(rig.verify("nic0", SPI, udp(seq, 90), device.seal(udp(seq, 90), seq, iv(seq, 16))).isOk()).isTrue();
        }
        // fail-over: nic1 takes the SA and restarts the counter and the IV generator
        Verdict.Failed v = failed(rig.verify("nic1", SPI, udp(4, 90), device.seal(udp(4, 90), 1, iv(1, 16))));
        assertThat(v.checks()).containsExactlyInAnyOrder(Check.SEQUENCE_ORDER, Check.IV_REUSE);
        assertThat(rig.tally().member("nic0").ok()).isEqualTo(3);
        assertThat(rig.tally().member("nic1").failed()).isEqualTo(1);
        assertThat(rig.tally().sa(SPI).packets()).isEqualTo(4);
        assertThat(rig.tally().sa(SPI).failures(Check.IV_REUSE)).isEqualTo(1);
    }

    @Test
    void gcmFlippedTagViaTheVerifier() {
        SaParams g = Packets.gcm256(0x55, false);
        byte[] sent = udp(1, 64);
        byte[] esp = new EspReference(g).seal(sent, 1, iv(1, 8));
        esp[esp.length - 16] ^= (byte) 0x80;
        only(new SaVerifier(g).verify("nic2", sent, esp), Check.ICV);
    }

    @Test
    void esnHighBitsAreInferredAcrossTheWrapAndAReplayIsOutOfOrder() {
        SaParams g = Packets.gcm256(0x56, true);
        SaVerifier v = new SaVerifier(g);
        EspReference dev = new EspReference(g);
        long[] seqs = {0xffff_fffeL, 0xffff_ffffL, 0x1_0000_0000L, 0x1_0000_0001L};
        byte[][] packets = new byte[seqs.length][];
        for (int i = 0; i < seqs.length; i++) {
            packets[i] = dev.seal(udp(i, 64), seqs[i], iv(i, 8));
            Verdict verdict = v.verify("nic0", udp(i, 64), packets[i]);
            assertThat(verdict).isEqualTo(new Verdict.Ok("nic0", 0x56, seqs[i]));
        }
        Verdict.Failed replay = failed(v.verify("nic0", udp(1, 64), packets[1]));
        assertThat(replay.checks()).containsExactlyInAnyOrder(Check.SEQUENCE_ORDER, Check.IV_REUSE);
        assertThat(replay.sequence()).isEqualTo(0xffff_ffffL);
    }

    @Test
    void esnHmacCoversTheHighBits() {
        SaParams esn = new SaParams(0x57, sa.direction(), EspMode.TRANSPORT, sa.cipher(), sa.integrity(), true, 64,
                0, 0, sa.encryptionKey(), sa.authenticationKey());
        EspReference dev = new EspReference(esn);
        byte[] sent = udp(1, 80);
        byte[] esp = dev.seal(sent, 0x2_0000_0005L, iv(1, 16));
        assertThat(dev.open(esp, 2)).isInstanceOf(OpenResult.Opened.class);
        OpenResult wrong = dev.open(esp, 1);
        assertThat(((OpenResult.Rejected) wrong).failure().check()).isEqualTo(Check.ICV);
        // the high bits are not on the wire: same length as a 32-bit SA's packet
        assertThat(esp).hasSize(device.seal(sent, 5, iv(1, 16)).length);
    }
}
