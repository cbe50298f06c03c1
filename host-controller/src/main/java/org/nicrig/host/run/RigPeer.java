package org.nicrig.host.run;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.nicrig.host.team.TeamSa;
import org.nicrig.host.traffic.Ethernet;
import org.nicrig.host.verify.EspReference;
import org.nicrig.host.verify.OpenResult;
import org.nicrig.model.wire.Wire;
import org.nicrig.model.wire.WirePort;
import org.nicrig.protocol.message.MacAddress;

/**
 * The far-end host that the runner plays on an emulated wire: an IPsec peer built on the Bouncy
 * Castle reference, independent of the device model. It opens the ESP the team sends it, echoes
 * UDP back as ESP under the paired inbound SA to the MAC address the packet came from (so a reply
 * only reaches the right member if the team's MAC handling is right, patent FIG. 4), and sends
 * inbound ESP on request. Works on its own thread, never on the wire's.
 */
final class RigPeer implements AutoCloseable {
    final MacAddress mac;
    private final WirePort port;
    private final ExecutorService worker;
    private final Map<Long, EspReference> fromTeam = new ConcurrentHashMap<>();
    private final Map<Long, EspReference> toTeam = new ConcurrentHashMap<>();
    private final Map<Long, Long> replyVia = new ConcurrentHashMap<>();   // outbound SPI -> inbound SPI
    private final Map<Long, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final SplittableRandom ivs;
    final LongAdder plaintextFromTeam = new LongAdder();
    final LongAdder rejectedFromTeam = new LongAdder();
    final LongAdder echoed = new LongAdder();

    RigPeer(Wire wire, MacAddress mac, long seed) {
        this.mac = mac;
        this.ivs = new SplittableRandom(seed ^ 0x5EED_0F_EE5L);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rig-peer");
            t.setDaemon(true);
            return t;
        });
        this.port = wire.attach("peer@" + mac, frame -> worker.execute(() -> onFrame(frame)));
    }

    /** The peer holds the other end of every team SA: it opens the team's outbound and seals its inbound. */
    void learn(TeamSa sa) {
        EspReference ref = new EspReference(sa.params());
        if (sa.outbound()) {
            fromTeam.put(sa.spi(), ref);
        } else {
            toTeam.put(sa.spi(), ref);
            sequences.putIfAbsent(sa.spi(), new AtomicLong());
        }
    }

    /** Replies to UDP that arrives under {@code outbound} with ESP under {@code inbound}. */
    void echo(TeamSa outbound, TeamSa inbound) {
        replyVia.put(outbound.spi(), inbound.spi());
    }

    private void onFrame(byte[] frame) {
        if (!Ethernet.isIpv4(frame) || !Ethernet.destination(frame).equals(mac)) {
            return;
        }
        byte[] ip = Ethernet.ipPacket(frame);
        long spi = Ethernet.espSpi(ip);
        if (spi < 0) {
            plaintextFromTeam.increment();
            return;
        }
        EspReference ref = fromTeam.get(spi);
        if (ref == null) {
            rejectedFromTeam.increment();
            return;
        }
        OpenResult r = ref.open(ip);
        if (!(r instanceof OpenResult.Opened opened)) {
            rejectedFromTeam.increment();
            return;
        }
        Long replySpi = replyVia.get(spi);
        if (replySpi != null) {
            byte[] reply = Echo.reply(opened.packet().toArray());
            if (reply != null) {
                send(Ethernet.source(frame), replySpi, reply);
                echoed.increment();
            }
        }
    }

    /** Seals {@code plain} under the team's inbound SA and sends it to {@code to}. */
    void send(MacAddress to, long inboundSpi, byte[] plain) {
        EspReference ref = toTeam.get(inboundSpi);
        byte[] iv = new byte[ref.sa().cipher().ivLength()];
        synchronized (ivs) {
            ivs.nextBytes(iv);
        }
        long seq = sequences.get(inboundSpi).incrementAndGet();
        byte[] esp = ref.seal(plain, seq, iv);
        port.transmit(Ethernet.frame(to, mac, esp));
    }

    /** Queues a send on the peer's thread, behind the echoes already queued. */
    void sendLater(MacAddress to, long inboundSpi, byte[] plain) {
        worker.execute(() -> send(to, inboundSpi, plain));
    }

    @Override
    public void close() {
        worker.shutdownNow();
        port.close();
    }
}
