package org.nicrig.model.wire;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspResult;
import org.nicrig.model.esp.EspSa;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.MacAddress;
import org.nicrig.protocol.message.SaParams;

/**
 * The host at the other end of the wire: a station with its own MAC and IPv4 address that echoes
 * UDP, so traffic sent through a team comes back and shows whether the team's MAC addresses and
 * SAs are right. A UDP packet addressed to it returns with MACs, addresses and ports swapped,
 * sent to the MAC it came from.
 *
 * <p>As an IPsec endpoint ({@link #ipsec}) it takes ESP only: it decrypts with its inbound SA (the
 * team's outbound SA), echoes the inner UDP, and encrypts the reply with its outbound SA (the
 * team's inbound SA), using the model's JCE engine. Cleartext UDP is then dropped, as a policy
 * requiring ESP does (RFC 4301 §5.2). Every frame it drops is counted by reason ({@link #drops()}).
 *
 * <p>Frames are taken off the wire's delivery thread at once and answered from the peer's own
 * thread, so a reply never re-enters the wire while it is delivering.
 */
public final class FarEndPeer implements AutoCloseable {
    private static final int QUEUE = 1024;

    private final MacAddress mac;
    private final Ipv4Address address;
    private final EspProcessor engine;
    private final EspSa inbound;
    private final EspSa outbound;
    private final WirePort port;
    private final BlockingQueue<byte[]> received = new ArrayBlockingQueue<>(QUEUE);
    private final Thread worker;
    private final AtomicLong echoed = new AtomicLong();
    private final Map<String, Long> drops = new TreeMap<>();
    private volatile boolean running = true;

    private FarEndPeer(Wire wire, MacAddress mac, Ipv4Address address, EspProcessor engine, EspSa inbound, EspSa outbound) {
        this.mac = Objects.requireNonNull(mac, "mac");
        this.address = Objects.requireNonNull(address, "address");
        this.engine = engine;
        this.inbound = inbound;
        this.outbound = outbound;
        String name = "peer " + address + " " + mac;
        this.port = wire.attach(name, this::enqueue);
        this.worker = new Thread(this::run, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** A plain UDP echo host. */
    public static FarEndPeer plain(Wire wire, MacAddress mac, Ipv4Address address) {
        return new FarEndPeer(wire, mac, address, null, null, null);
    }

    /**
     * An IPsec echo host.
     *
     * @param inbound  decrypts what the team sends: the team's outbound SA with direction INBOUND
     * @param outbound encrypts the replies: the team's inbound SA with direction OUTBOUND
     * @param seed     seeds the IVs of the replies, so a run is reproducible
     */
    public static FarEndPeer ipsec(Wire wire, MacAddress mac, Ipv4Address address, SaParams inbound, SaParams outbound, long seed) {
        if (inbound.direction() != Direction.INBOUND || outbound.direction() != Direction.OUTBOUND) {
            throw new IllegalArgumentException("the peer needs an INBOUND SA to decrypt and an OUTBOUND SA to reply, got "
                    + inbound.direction() + " and " + outbound.direction());
        }
        return new FarEndPeer(wire, mac, address, EspProcessor.seeded(seed), EspSa.create(inbound), EspSa.create(outbound));
    }

    public MacAddress mac() {
        return mac;
    }

    public Ipv4Address address() {
        return address;
    }

    /** UDP datagrams answered so far. */
    public long echoed() {
        return echoed.get();
    }

    /** Frames addressed to this peer that it did not answer, by reason (an ESP status such as ICV_MISMATCH, or CLEARTEXT, ...). */
    public Map<String, Long> drops() {
        synchronized (drops) {
            return Map.copyOf(drops);
        }
    }

    private void enqueue(byte[] frame) {
        if (!received.offer(frame)) {
            drop("QUEUE_FULL");
        }
    }

    private void run() {
        while (running) {
            byte[] frame;
            try {
                frame = received.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                answer(frame);
            } catch (RuntimeException e) {
                drop("ERROR " + e.getClass().getSimpleName());
            }
        }
    }

    private void answer(byte[] frame) {
        if (!EthernetFrame.valid(frame)) {
            return;
        }
        MacAddress dst = EthernetFrame.destination(frame);
        if (!dst.equals(mac) && !dst.isMulticast()) {
            return; // not for this station: a NIC's filter drops it silently
        }
        if (EthernetFrame.etherType(frame) != EthernetFrame.ETHERTYPE_IPV4) {
            drop("NOT_IPV4");
            return;
        }
        byte[] packet = ipPacket(frame);
        if (packet == null) {
            drop("MALFORMED");
            return;
        }
        int protocol = packet[9] & 0xFF;
        byte[] reply;
        if (inbound == null) {
            reply = protocol == UdpDatagram.PROTOCOL ? echo(packet) : dropped("NOT_UDP");
        } else if (protocol == 50) {
            reply = echoEsp(packet);
        } else {
            reply = dropped(protocol == UdpDatagram.PROTOCOL ? "CLEARTEXT" : "NOT_ESP");
        }
        if (reply != null) {
            echoed.incrementAndGet(); // counted first: whoever sees the reply sees the count
            port.transmit(EthernetFrame.build(EthernetFrame.source(frame), mac, EthernetFrame.ETHERTYPE_IPV4, reply));
        }
    }

    private byte[] echoEsp(byte[] packet) {
        EspResult opened = engine.decrypt(inbound, packet);
        if (!opened.isOk()) {
            return dropped(opened.status().name());
        }
        byte[] plain = echo(opened.output());
        if (plain == null) {
            return null;
        }
        EspResult sealed = engine.encrypt(outbound, plain, null);
        return sealed.isOk() ? sealed.output() : dropped("REPLY_" + sealed.status().name());
    }

    private byte[] echo(byte[] packet) {
        UdpDatagram d = UdpDatagram.parse(packet).orElse(null);
        if (d == null) {
            return dropped("NOT_UDP");
        }
        return d.destination().equals(address) ? d.reply().toPacket() : dropped("NOT_MY_ADDRESS");
    }

    /** The IPv4 packet in the frame, trimmed to its total length (Ethernet may pad), or null. */
    private static byte[] ipPacket(byte[] frame) {
        byte[] p = EthernetFrame.payload(frame);
        if (p.length < 20) {
            return null;
        }
        int total = ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
        if (total < 20 || total > p.length) {
            return null;
        }
        return total == p.length ? p : Arrays.copyOf(p, total);
    }

    private byte[] dropped(String reason) {
        drop(reason);
        return null;
    }

    private void drop(String reason) {
        synchronized (drops) {
            drops.merge(reason, 1L, Long::sum);
        }
    }

    @Override
    public void close() {
        running = false;
        port.close();
        worker.interrupt();
    }

    @Override
    public String toString() {
        return "FarEndPeer[" + address + " " + mac + (inbound == null ? "" : ", " + inbound + " / " + outbound) + "]";
    }
}
