package org.nicrig.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nicrig.model.device.Device;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspSa;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.Sas;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.Disposition;
import org.nicrig.protocol.message.EncryptJob;
import org.nicrig.protocol.message.Event;
import org.nicrig.protocol.message.FrameReceived;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.MacAddress;
import org.nicrig.protocol.message.SaAdd;
import org.nicrig.protocol.message.SaParams;
import org.nicrig.protocol.message.SetMac;

/** The far end: a UDP echo host, plain or behind IPsec, answering to the MAC a frame came from. */
class FarEndPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final VirtualWire wire = new VirtualWire();
    private FarEndPeer peer;

    @AfterEach
    void close() {
        if (peer != null) {
            peer.close();
        }
    }

    /** A station on the wire that keeps every frame addressed to {@code mac}, with the thread that delivered it. */
    private record Station(WirePort port, BlockingQueue<byte[]> frames, BlockingQueue<String> threads) {
        byte[] next() throws InterruptedException {
            byte[] f = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(f).as("a frame within " + WAIT).isNotNull();
            return f;
        }
    }

    private Station station(MacAddress mac) {
        BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        WirePort port = wire.attach("station " + mac, f -> {
            if (EthernetFrame.destination(f).equals(mac)) {
                frames.add(f);
                threads.add(Thread.currentThread().getName());
            }
        });
        return new Station(port, frames, threads);
    }

    private static byte[] frame(MacAddress dst, MacAddress src, byte[] packet) {
        return EthernetFrame.build(dst, src, EthernetFrame.ETHERTYPE_IPV4, packet);
    }

    @Test
    void aPlainPeerEchoesUdpToTheSenderWithEverythingSwappedFromItsOwnThread() throws Exception {
        peer = FarEndPeer.plain(wire, Addresses.PEER_MAC, Addresses.PEER_IP);
        Station team = station(Addresses.NIC_A);
        byte[] sent = Addresses.udpToPeer("ping");
        team.port().transmit(frame(Addresses.PEER_MAC, Addresses.NIC_A, sent));

        byte[] reply = team.next();
        assertThat(EthernetFrame.source(reply)).isEqualTo(Addresses.PEER_MAC);
        UdpDatagram echoed = UdpDatagram.parse(EthernetFrame.payload(reply)).orElseThrow();
        assertThat(echoed).isEqualTo(UdpDatagram.parse(sent).orElseThrow().reply());
        assertThat(team.threads().take()).as("not the wire's delivery thread").startsWith("peer ");
        assertThat(peer.echoed()).isEqualTo(1);
    }

    @Test
    void framesNotForThePeerAreIgnoredAndOthersCountedByReason() throws Exception {
        peer = FarEndPeer.plain(wire, Addresses.PEER_MAC, Addresses.PEER_IP);
        Station team = station(Addresses.NIC_A);
        team.port().transmit(frame(Addresses.STRANGER, Addresses.NIC_A, Addresses.udpToPeer("not mine")));
        byte[] tcp = Addresses.udpToPeer("tcp");
        tcp[9] = 6;
        team.port().transmit(frame(Addresses.PEER_MAC, Addresses.NIC_A, tcp));
        byte[] elsewhere = new UdpDatagram(Addresses.TEAM_IP, Addresses.TEAM_IP, 1, 2, Bytes.fromHex("00")).toPacket();
        team.port().transmit(frame(Addresses.PEER_MAC, Addresses.NIC_A, elsewhere));
        team.port().transmit(frame(Addresses.PEER_MAC, Addresses.NIC_A, Addresses.udpToPeer("last")));
        team.next(); // the peer works in order: the three before were handled first
        assertThat(peer.echoed()).isEqualTo(1);
        assertThat(peer.drops()).containsEntry("NOT_UDP", 1L).containsEntry("NOT_MY_ADDRESS", 1L).hasSize(2);
        assertThat(team.frames()).isEmpty();
    }

    @Test
    void anIpsecPeerAnswersADeviceTransmitAndTheDeviceDecryptsTheReply() throws Exception {
        SaParams[] teamOut = Sas.aes(0x1001, 1);   // team encrypts with [0], peer decrypts with [1]
        SaParams[] teamIn = Sas.aes(0x2002, 2);    // peer encrypts with [0], team decrypts with [1]
        peer = FarEndPeer.ipsec(wire, Addresses.PEER_MAC, Addresses.PEER_IP, teamOut[1], teamIn[0], 5);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try (Device nic = new Device(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A).withSpeed(Double.POSITIVE_INFINITY), wire)) {
            nic.onEvent(events::add);
            nic.handle(new SaAdd(0, teamOut[0]));
            nic.handle(new SaAdd(1, teamIn[1]));
            byte[] ping = Addresses.udpToPeer("through IPsec");
            nic.submit(new EncryptJob(1, 0, Disposition.TRANSMIT, Addresses.PEER_MAC, Bytes.EMPTY, Bytes.wrap(ping)), r -> { });

            FrameReceived got = (FrameReceived) events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(got).as("the echo came back").isNotNull();
            assertThat(got.decrypted()).isTrue();
            assertThat(got.saSlot()).isEqualTo(1);
            UdpDatagram echoed = UdpDatagram.parse(EthernetFrame.payload(got.frame().toArray())).orElseThrow();
            assertThat(echoed).isEqualTo(UdpDatagram.parse(ping).orElseThrow().reply());
        }
    }

    @Test
    void theReplyGoesToTheMacTheRequestCameFrom() throws Exception {
        // FIG. 4: a capable member sending with a non-capable member's MAC gets the reply delivered to that member
        SaParams[] teamOut = Sas.aes(0x1001, 1);
        SaParams[] teamIn = Sas.aes(0x2002, 2);
        peer = FarEndPeer.ipsec(wire, Addresses.PEER_MAC, Addresses.PEER_IP, teamOut[1], teamIn[0], 5);
        BlockingQueue<Event> atA = new LinkedBlockingQueue<>();
        BlockingQueue<Event> atB = new LinkedBlockingQueue<>();
        try (Device a = new Device(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A).withSpeed(Double.POSITIVE_INFINITY), wire);
             Device b = new Device(DeviceConfig.of(Profiles.I82559_PLAIN, Addresses.NIC_B), wire)) {
            a.onEvent(atA::add);
            b.onEvent(atB::add);
            a.handle(new SaAdd(0, teamOut[0]));
            a.handle(new SetMac(Addresses.NIC_B));
            a.submit(new EncryptJob(1, 0, Disposition.TRANSMIT, Addresses.PEER_MAC, Bytes.EMPTY,
                    Bytes.wrap(Addresses.udpToPeer("for B"))), r -> { });
            // A still answers to the borrowed MAC too, so both see the reply; B, without engine, sees it encrypted
            FrameReceived atPlain = (FrameReceived) atB.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(atPlain).isNotNull();
            assertThat(atPlain.decrypted()).isFalse();
            assertThat(EthernetFrame.espSpi(atPlain.frame().toArray())).isEqualTo(0x2002);
            assertThat(EthernetFrame.destination(atPlain.frame().toArray())).isEqualTo(Addresses.NIC_B);
        }
    }

    @Test
    void anIpsecPeerDropsCleartextAndTamperedPackets() throws Exception {
        SaParams[] teamOut = Sas.aes(0x1001, 1);
        SaParams[] teamIn = Sas.aes(0x2002, 2);
        peer = FarEndPeer.ipsec(wire, Addresses.PEER_MAC, Addresses.PEER_IP, teamOut[1], teamIn[0], 5);
        Station team = station(Addresses.NIC_A);
        EspSa out = EspSa.create(teamOut[0]);
        EspProcessor engine = EspProcessor.seeded(3);
        team.port().transmit(frame(Addresses.PEER_MAC, Addresses.NIC_A, Addresses.udpToPeer("in the clear")));
        byte[] tampered = engine.encrypt(out, Addresses.udpToPeer("tampered"), null).output();
        tampered[tampered.length - 3] ^= 0x10;
        team.port().transmit(frame(Addresses.PEER_MAC, Addresses.NIC_A, tampered));
        team.port().transmit(frame(Addresses.PEER_MAC, Addresses.NIC_A, engine.encrypt(out, Addresses.udpToPeer("good"), null).output()));

        byte[] reply = team.next();
        EspSa in = EspSa.create(teamIn[1]);
        byte[] plain = EspProcessor.secure().decrypt(in, EthernetFrame.payload(reply)).output();
        assertThat(new String(UdpDatagram.parse(plain).orElseThrow().payload().toArray(), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("good");
        assertThat(peer.drops()).containsEntry("CLEARTEXT", 1L).containsEntry(JobStatus.ICV_MISMATCH.name(), 1L);
    }
}
