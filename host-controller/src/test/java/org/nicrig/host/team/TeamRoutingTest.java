package org.nicrig.host.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nicrig.host.traffic.Ethernet;
import org.nicrig.host.verify.OpenResult;
import org.nicrig.protocol.message.*;

/** FIG. 4 and FIG. 5 end to end on emulated devices, checked on the wire tap and by the peer's reference. */
class TeamRoutingTest {

    private static TeamConfig aft(String primary, Fig4Policy policy) {
        return TeamConfig.of(TeamMode.AFT, primary).withSession(TeamFixture.FAST).withFig4(policy);
    }

    @Test
    void fig4ReturnPlainPrimaryTransmitsEspEncryptedByAStandby() throws Exception {
        try (TeamFixture f = new TeamFixture(aft("plain", Fig4Policy.RETURN), Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("plain", "82559-plain", 1, "");
            f.add("fpga", "fpga-aes", 2, "speed=unlimited");
            List<CompletableFuture<TxOutcome>> sent = new ArrayList<>();
            for (int n = 1; n <= 30; n++) {
                sent.add(f.team.transmit(1, f.packet(64 + 40 * n, n), f.out, f.peer.mac));
            }
            for (CompletableFuture<TxOutcome> s : sent) {
                TxOutcome o = s.get(5, TimeUnit.SECONDS);
                assertThat(o.egress()).isEqualTo("plain");
                assertThat(o.encryptor()).isEqualTo("fpga");
            }
            awaitPeer(f, 30);
            // Every frame the team put on the wire left through the plain member's MAC, as ESP that opens.
            List<TeamFixture.TapFrame> fromPlain = f.framesFrom(f.mac("plain"));
            assertThat(fromPlain).hasSize(30);
            assertThat(fromPlain).allSatisfy(t -> assertThat(Ethernet.espSpi(Ethernet.ipPacket(t.frame()))).isEqualTo(0x100));
            assertThat(f.framesFrom(f.mac("fpga"))).isEmpty();
            assertThat(f.peer.opened).allSatisfy(o -> assertThat(o).isInstanceOf(OpenResult.Opened.class));
            assertThat(f.peer.plaintextSeen).isEmpty();
            Set<Long> seqs = new HashSet<>();
            f.peer.opened.forEach(o -> seqs.add(((OpenResult.Opened) o).sequence()));
            assertThat(seqs).hasSize(30);
        }
    }

    @Test
    void fig4DirectCapableMemberTransmitsWithTheRequestersMacAndRestoresItsOwn() throws Exception {
        try (TeamFixture f = new TeamFixture(aft("plain", Fig4Policy.DIRECT_MAC), Cipher.AES_256_GCM_16, Integrity.NONE)) {
            f.add("plain", "82559-plain", 1, "");
            f.add("fpga", "fpga-aes", 2, "speed=unlimited");
            for (int n = 1; n <= 20; n++) {
                TxOutcome o = f.team.transmit(1, f.packet(200, n), f.out, f.peer.mac).get(5, TimeUnit.SECONDS);
                assertThat(o.egress()).isEqualTo("plain");
                assertThat(o.encryptor()).isEqualTo("fpga");
            }
            awaitPeer(f, 20);
            // Sent by the fpga's port (the tap names the sender) but with the plain member's MAC.
            List<TeamFixture.TapFrame> frames = f.framesFrom(f.mac("plain"));
            assertThat(frames).hasSize(20).allSatisfy(t -> assertThat(t.sender()).startsWith("fpga-aes@"));
            assertThat(f.peer.opened).allSatisfy(o -> assertThat(o).isInstanceOf(OpenResult.Opened.class));
            RegValue status = (RegValue) f.team.session("fpga").call(new RegRead(0x10));
            assertThat(status.value() & 4).as("MAC override bit after RESTORE_MAC").isZero();
        }
    }

    @Test
    void fig5EspOnAPlainMemberIsDecryptedByACapableOneAndOnACapableMemberByItself() throws Exception {
        try (TeamFixture f = new TeamFixture(aft("plain", Fig4Policy.RETURN), Cipher.AES_128_CBC, Integrity.HMAC_SHA1_96)) {
            f.add("plain", "82559-plain", 1, "");
            f.add("fpga", "fpga-aes", 2, "speed=unlimited");
            byte[] toPlain = f.packetFromPeer(300, 1);
            byte[] toFpga = f.packetFromPeer(400, 2);
            f.peer.sendEsp(f.mac("plain"), toPlain);
            f.peer.sendEsp(f.mac("fpga"), toFpga);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (f.received.size() < 2 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(f.received).hasSize(2);
            ReceivedPacket viaPlain = f.received.stream().filter(p -> p.member().equals("plain")).findFirst().orElseThrow();
            ReceivedPacket viaFpga = f.received.stream().filter(p -> p.member().equals("fpga")).findFirst().orElseThrow();
            assertThat(viaPlain.decryptedBy()).isEqualTo("fpga");
            assertThat(viaPlain.packet()).isEqualTo(toPlain);
            assertThat(viaFpga.decryptedBy()).isEqualTo("fpga");
            assertThat(viaFpga.packet()).isEqualTo(toFpga);
            assertThat(viaPlain.status()).isEqualTo(JobStatus.OK);
        }
    }

    @Test
    void capableEgressEncryptsItsOwnPackets() throws Exception {
        try (TeamFixture f = new TeamFixture(aft("fpga", Fig4Policy.RETURN), Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("fpga", "fpga-aes", 2, "speed=unlimited");
            f.add("plain", "82559-plain", 1, "");
            TxOutcome o = f.team.transmit(1, f.packet(500, 1), f.out, f.peer.mac).get(5, TimeUnit.SECONDS);
            assertThat(o.egress()).isEqualTo("fpga");
            assertThat(o.encryptor()).isEqualTo("fpga");
            awaitPeer(f, 1);
            assertThat(f.framesFrom(f.mac("fpga"))).hasSize(1);
        }
    }

    @Test
    void withoutAnyEngineAnEspPacketFailsWithAReasonAndNothingLeavesInPlaintext() throws Exception {
        try (TeamFixture f = new TeamFixture(aft("plain", Fig4Policy.RETURN), Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128)) {
            f.add("plain", "82559-plain", 1, "");
            CompletableFuture<TxOutcome> tx = f.team.transmit(1, f.packet(100, 1), f.out, f.peer.mac);
            assertThat(tx).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                    .withMessageContaining("must leave as ESP through plain, which has no engine");
            CompletableFuture<JobOutcome> job = f.team.cryptoService().submit(f.out, f.packet(100, 2));
            assertThat(job).failsWithin(5, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("no member has a verified engine");
            Thread.sleep(50);
            assertThat(f.tap).isEmpty();
        }
    }

    static void awaitPeer(TeamFixture f, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (f.peer.opened.size() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(f.peer.opened).hasSize(n);
    }
}
