package org.nicrig.host.team;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.nicrig.host.traffic.Ethernet;
import org.nicrig.host.verify.EspReference;
import org.nicrig.host.verify.OpenResult;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.model.wire.WirePort;
import org.nicrig.protocol.message.MacAddress;
import org.nicrig.protocol.message.SaParams;

/**
 * The far end in team tests: an IPsec host on the wire that opens what the team sends with the
 * Bouncy Castle reference and can send ESP back, so every test also proves the wire bytes.
 */
final class EspPeer implements AutoCloseable {
    final MacAddress mac;
    private final WirePort port;
    private final EspReference fromTeam;
    private final EspReference toTeam;
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final AtomicLong toTeamSeq = new AtomicLong();
    private final SplittableRandom random = new SplittableRandom(99);
    final List<OpenResult> opened = new CopyOnWriteArrayList<>();
    final List<byte[]> plaintextSeen = new CopyOnWriteArrayList<>();

    EspPeer(VirtualWire wire, MacAddress mac, SaParams teamOutbound, SaParams teamInbound) {
        this.mac = mac;
        this.fromTeam = new EspReference(teamOutbound);
        this.toTeam = new EspReference(teamInbound);
        this.port = wire.attach("peer", this::onFrame);
    }

    private void onFrame(byte[] frame) {
        if (!Ethernet.isIpv4(frame) || !Ethernet.destination(frame).equals(mac)) {
            return;
        }
        byte[] ip = Ethernet.ipPacket(frame);
        if (Ethernet.espSpi(ip) == fromTeam.sa().spi()) {
            opened.add(fromTeam.open(ip));
        } else if (Ethernet.espSpi(ip) < 0) {
            plaintextSeen.add(ip);
        }
    }

    /** Sends an ESP packet (sealed with the team's inbound SA) to the given MAC; returns its sequence number. */
    long sendEsp(MacAddress to, byte[] plainIp) {
        long seq = toTeamSeq.incrementAndGet();
        byte[] iv = new byte[toTeam.sa().cipher().ivLength()];
        synchronized (random) {
            for (int i = 0; i < iv.length; i++) {
                iv[i] = (byte) random.nextInt(256);
            }
        }
        byte[] esp = toTeam.seal(plainIp, seq, iv);
        sender.execute(() -> port.transmit(Ethernet.frame(to, mac, esp)));
        return seq;
    }

    @Override
    public void close() {
        sender.shutdownNow();
        port.close();
    }
}
