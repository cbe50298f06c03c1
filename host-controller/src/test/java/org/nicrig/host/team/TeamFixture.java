package org.nicrig.host.team;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.nicrig.host.admission.AdmissionResult;
import org.nicrig.host.admission.AllowList;
import org.nicrig.host.admission.AllowedIdentity;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.traffic.UdpPacket;
import org.nicrig.host.transport.EmulatedTransport;
import org.nicrig.host.transport.EmulatedTransportProvider;
import org.nicrig.host.transport.TransportUri;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.message.*;

/** An emulated rig for team tests: devices on one virtual wire, a tap, a peer, the team and its SAs. */
final class TeamFixture implements AutoCloseable {
    static final AllowList ALLOW = new AllowList(List.of(
            new AllowedIdentity("82559", 0x8086, 0x1229, 0, 0xFF, new FirmwareVersion(0, 0, 0), new FirmwareVersion(9, 9, 9)),
            new AllowedIdentity("fpga-aes", 0x1172, 0xE001, 0, 0xFF, new FirmwareVersion(0, 0, 0), new FirmwareVersion(9, 9, 9))));
    static final SessionConfig FAST = new SessionConfig(Duration.ofMillis(300), 2, Duration.ofMillis(150),
            Duration.ofMillis(100), 2);
    static final int PEER_IP = UdpPacket.address("198.51.100.9");
    static final int TEAM_IP = UdpPacket.address("198.51.100.1");

    final VirtualWire wire = new VirtualWire();
    final EmulatedTransportProvider emulated = new EmulatedTransportProvider(wire);
    final List<TapFrame> tap = new CopyOnWriteArrayList<>();
    final List<TeamEvent> events = new CopyOnWriteArrayList<>();
    final List<ReceivedPacket> received = new CopyOnWriteArrayList<>();
    final Map<String, EmulatedTransport> transports = new HashMap<>();
    final Team team;
    final TeamSa out;
    final TeamSa in;
    final EspPeer peer;

    record TapFrame(long nanos, String sender, byte[] frame) {
    }

    TeamFixture(TeamConfig config, Cipher cipher, Integrity integrity) {
        wire.addTap((nanos, sender, frame) -> tap.add(new TapFrame(nanos, sender, frame)));
        team = new Team(config, ALLOW);
        team.addListener(new TeamListener() {
            @Override
            public void onEvent(TeamEvent event) {
                events.add(event);
            }

            @Override
            public void onReceive(ReceivedPacket packet) {
                received.add(packet);
            }
        });
        SplittableRandom r = new SplittableRandom(5);
        out = new TeamSa("to-peer", sa(0x100, Direction.OUTBOUND, cipher, integrity, r));
        in = new TeamSa("from-peer", sa(0x200, Direction.INBOUND, cipher, integrity, r));
        peer = new EspPeer(wire, MacAddress.parse("02:00:00:00:00:99"), out.params(), in.params());
        team.addSa(out).join();
        team.addSa(in).join();
    }

    static SaParams sa(long spi, Direction d, Cipher c, Integrity i, SplittableRandom r) {
        return new SaParams(spi, d, EspMode.TRANSPORT, c, i, false, 64, 0, 0,
                KeyBytes.of(bytes(r, c.keyMaterialLength())), KeyBytes.of(bytes(r, i.keyLength())));
    }

    static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) {
            b[k] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** Adds an emulated member; waits until it is admitted and its SAs are installed. */
    AdmissionResult add(String name, String profile, int macByte, String params) throws Exception {
        String uri = "emulated:" + profile + "?mac=02:00:00:00:00:" + String.format("%02x", macByte)
                + (params.isEmpty() ? "" : "&" + params);
        EmulatedTransport t = (EmulatedTransport) emulated.create(TransportUri.parse(uri));
        transports.put(name, t);
        AdmissionResult a = team.addMember(name, t).get(10, TimeUnit.SECONDS);
        awaitEvent(TeamEvent.SasInstalled.class, e -> e.member().equals(name));
        return a;
    }

    EmulatedTransport transport(String member) {
        return transports.get(member);
    }

    MacAddress mac(String member) {
        return transports.get(member).config().mac();
    }

    byte[] packet(int size, long n) {
        return UdpPacket.build(TEAM_IP, PEER_IP, 4000, 7, size, 1, n, new SplittableRandom(n));
    }

    byte[] packetFromPeer(int size, long n) {
        return UdpPacket.build(PEER_IP, TEAM_IP, 7, 4000, size, 2, n, new SplittableRandom(n + 1000));
    }

    <E extends TeamEvent> E awaitEvent(Class<E> type, java.util.function.Predicate<E> p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            for (TeamEvent e : events) {
                if (type.isInstance(e) && p.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no " + type.getSimpleName() + " event within 10 s; events: " + events);
    }

    <E extends TeamEvent> List<E> eventsOf(Class<E> type) {
        List<E> out = new ArrayList<>();
        for (TeamEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** Frames on the wire sent by the given device port name prefix or with the given source MAC. */
    List<TapFrame> framesFrom(MacAddress source) {
        return tap.stream().filter(f -> org.nicrig.host.traffic.Ethernet.source(f.frame()).equals(source)).toList();
    }

    @Override
    public void close() {
        team.close();
        peer.close();
    }
}
