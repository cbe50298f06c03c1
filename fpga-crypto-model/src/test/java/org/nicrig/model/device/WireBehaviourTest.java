package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspSa;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.Sas;
import org.nicrig.model.wire.EthernetFrame;
import org.nicrig.model.wire.WirePort;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.Disposition;
import org.nicrig.protocol.message.EncryptJob;
import org.nicrig.protocol.message.FrameReceived;
import org.nicrig.protocol.message.JobResult;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.MacAddress;
import org.nicrig.protocol.message.RestoreMac;
import org.nicrig.protocol.message.SaParams;
import org.nicrig.protocol.message.SetMac;

/** The device's port: transmit with its current MAC (FIG. 4), filter and decrypt on receive (FIG. 5). */
class WireBehaviourTest {
    private static final byte[] PACKET = Addresses.udpToPeer("through the wire");

    private static DeviceConfig fast(DeviceProfile p) {
        return DeviceConfig.of(p, Addresses.NIC_A).withSpeed(Double.POSITIVE_INFINITY);
    }

    private static EncryptJob transmitJob(long id) {
        return new EncryptJob(id, 0, Disposition.TRANSMIT, Addresses.PEER_MAC, Bytes.EMPTY, Bytes.wrap(PACKET));
    }

    @Test
    void aTransmitJobPutsTheEspPacketOnTheWireFromTheDevicesMac() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            List<byte[]> tapped = new CopyOnWriteArrayList<>();
            List<String> senders = new CopyOnWriteArrayList<>();
            f.wire.addTap((nanos, sender, frame) -> {
                tapped.add(frame);
                senders.add(sender);
            });
            f.install(0, Sas.aes(0x99, 1)[0]);
            JobResult r = f.run(transmitJob(1));
            assertThat(r.status()).isEqualTo(JobStatus.OK);
            assertThat(tapped).hasSize(1);
            byte[] frame = tapped.get(0);
            assertThat(EthernetFrame.destination(frame)).isEqualTo(Addresses.PEER_MAC);
            assertThat(EthernetFrame.source(frame)).isEqualTo(Addresses.NIC_A);
            assertThat(EthernetFrame.etherType(frame)).isEqualTo(EthernetFrame.ETHERTYPE_IPV4);
            assertThat(EthernetFrame.payload(frame)).isEqualTo(r.output().toArray());
            assertThat(EthernetFrame.espSpi(frame)).isEqualTo(0x99);
            assertThat(senders.get(0)).contains("fpga-aes");
        }
    }

    @Test
    void aBorrowedMacIsUsedForTransmitOnlyUntilRestored() throws Exception {
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            List<byte[]> tapped = new CopyOnWriteArrayList<>();
            f.wire.addTap((nanos, sender, frame) -> tapped.add(frame));
            WirePort peer = f.wire.attach("peer", frame -> { });
            f.install(0, Sas.aes(0x99, 1)[0]);

            f.handle(new SetMac(Addresses.NIC_B));
            f.run(transmitJob(1));
            assertThat(EthernetFrame.source(tapped.get(tapped.size() - 1))).isEqualTo(Addresses.NIC_B);
            // The borrowed MAC is for transmitting: replies to it belong to the member that lent it.
            peer.transmit(frameTo(Addresses.NIC_B, "to borrowed"));
            peer.transmit(frameTo(Addresses.NIC_A, "to own"));
            FrameReceived got = f.awaitEvent(FrameReceived.class);
            assertThat(EthernetFrame.destination(got.frame().toArray())).isEqualTo(Addresses.NIC_A);
            assertThat(f.events.stream().filter(e -> e instanceof FrameReceived)).hasSize(1);

            f.events.clear();
            f.handle(new RestoreMac());
            f.run(transmitJob(2));
            assertThat(EthernetFrame.source(tapped.get(tapped.size() - 1))).isEqualTo(Addresses.NIC_A);
            peer.transmit(frameTo(Addresses.NIC_B, "to borrowed"));
            peer.transmit(frameTo(Addresses.NIC_A, "to own"));
            got = f.awaitEvent(FrameReceived.class);
            assertThat(EthernetFrame.destination(got.frame().toArray())).isEqualTo(Addresses.NIC_A);
            assertThat(f.events.stream().filter(e -> e instanceof FrameReceived)).hasSize(1);
        }
    }

    @Test
    void fig5ACapableDeviceDecryptsInboundEspItself() throws Exception {
        SaParams[] sa = Sas.aes(0x5151, 9);
        byte[] esp = EspProcessor.seeded(1).encrypt(EspSa.create(sa[0]), PACKET, null).output();
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            f.install(3, sa[1]);
            WirePort peer = f.wire.attach("peer", frame -> { });
            peer.transmit(EthernetFrame.build(Addresses.NIC_A, Addresses.PEER_MAC, EthernetFrame.ETHERTYPE_IPV4, esp));
            FrameReceived got = f.awaitEvent(FrameReceived.class);
            assertThat(got.decrypted()).isTrue();
            assertThat(got.status()).isEqualTo(JobStatus.OK);
            assertThat(got.saSlot()).isEqualTo(3);
            byte[] frame = got.frame().toArray();
            assertThat(EthernetFrame.source(frame)).isEqualTo(Addresses.PEER_MAC);
            assertThat(EthernetFrame.destination(frame)).isEqualTo(Addresses.NIC_A);
            assertThat(EthernetFrame.payload(frame)).isEqualTo(PACKET);
        }
    }

    @Test
    void fig5APlainDeviceHandsEspUpStillEncrypted() throws Exception {
        byte[] esp = EspProcessor.seeded(1).encrypt(EspSa.create(Sas.aes(0x5151, 9)[0]), PACKET, null).output();
        byte[] sent = EthernetFrame.build(Addresses.NIC_A, Addresses.PEER_MAC, EthernetFrame.ETHERTYPE_IPV4, esp);
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.I82559_PLAIN))) {
            f.wire.attach("peer", frame -> { }).transmit(sent);
            FrameReceived got = f.awaitEvent(FrameReceived.class);
            assertThat(got.decrypted()).isFalse();
            assertThat(got.saSlot()).isEqualTo(FrameReceived.NO_SLOT);
            assertThat(got.frame().toArray()).isEqualTo(sent);
        }
    }

    @Test
    void aTamperedPacketIsHandedUpEncryptedWithTheReason() throws Exception {
        SaParams[] sa = Sas.aes(0x5151, 9);
        byte[] esp = EspProcessor.seeded(1).encrypt(EspSa.create(sa[0]), PACKET, null).output();
        esp[esp.length - 1] ^= 1;
        try (DeviceFixture f = new DeviceFixture(fast(Profiles.FPGA_AES))) {
            f.install(3, sa[1]);
            f.wire.attach("peer", frame -> { })
                    .transmit(EthernetFrame.build(Addresses.NIC_A, Addresses.PEER_MAC, EthernetFrame.ETHERTYPE_IPV4, esp));
            FrameReceived got = f.awaitEvent(FrameReceived.class);
            assertThat(got.decrypted()).isFalse();
            assertThat(got.status()).isEqualTo(JobStatus.ICV_MISMATCH);
            assertThat(got.saSlot()).isEqualTo(3);
        }
    }

    private static byte[] frameTo(MacAddress dst, String text) {
        return EthernetFrame.build(dst, Addresses.PEER_MAC, EthernetFrame.ETHERTYPE_IPV4, Addresses.udpToPeer(text));
    }
}
