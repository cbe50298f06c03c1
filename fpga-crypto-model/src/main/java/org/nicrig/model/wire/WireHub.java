package org.nicrig.model.wire;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Ethernet segment between processes: Ethernet frames carried as UDP datagrams, one frame per
 * datagram, the way QEMU's {@code -netdev socket,udp=} links guests. The hub listens on one UDP
 * port and forwards every frame to every registered endpoint except the one it came from, like a
 * repeater hub. Endpoints are {@link HubWire}s.
 *
 * <p>Datagrams shorter than an Ethernet header are control messages, told apart by their first
 * byte: {@code J} joins (the hub answers {@code A}, so a joiner knows a hub is there), {@code L}
 * leaves. (Not empty datagrams: the JDK's datagram channel does not send those.) An endpoint that
 * sends a frame without joining is registered too.
 */
public final class WireHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WireHub.class);
    static final byte JOIN = 'J';
    static final byte LEAVE = 'L';
    static final byte ANSWER = 'A';
    static final int MAX_DATAGRAM = 65535;

    private final DatagramSocket socket;
    private final Set<SocketAddress> endpoints = ConcurrentHashMap.newKeySet();
    private final List<WireTap> taps = new CopyOnWriteArrayList<>();
    private final AtomicLong forwarded = new AtomicLong();
    private final Thread loop;
    private volatile boolean running = true;

    private WireHub(DatagramSocket socket) {
        this.socket = socket;
        this.loop = new Thread(this::run, "wire-hub " + name());
        loop.setDaemon(true);
    }

    /** Binds {@code address} (port 0: any free port) and starts forwarding. */
    public static WireHub start(InetSocketAddress address) throws IOException {
        DatagramSocket s;
        try {
            s = new DatagramSocket(address);
        } catch (SocketException e) {
            throw new IOException("udp:" + address.getHostString() + ":" + address.getPort() + ": cannot listen: " + e.getMessage(), e);
        }
        WireHub hub = new WireHub(s);
        hub.loop.start();
        return hub;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** {@code udp:127.0.0.1:PORT}. */
    public String name() {
        InetSocketAddress a = address();
        return "udp:" + a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    public int endpoints() {
        return endpoints.size();
    }

    /** Frames received and forwarded (each counted once, however many endpoints got it). */
    public long forwarded() {
        return forwarded.get();
    }

    /** Sees every frame the hub forwards, with the sending endpoint's address as sender. */
    public void addTap(WireTap tap) {
        taps.add(tap);
    }

    public void removeTap(WireTap tap) {
        taps.remove(tap);
    }

    private void run() {
        byte[] buf = new byte[MAX_DATAGRAM];
        while (running) {
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(in);
            } catch (IOException e) {
                if (running) {
                    LOG.warn("{}: receive failed: {}", name(), e.getMessage());
                }
                continue;
            }
            SocketAddress from = in.getSocketAddress();
            int n = in.getLength();
            if (n >= EthernetFrame.HEADER_LENGTH) {
                endpoints.add(from);
                forward(from, Arrays.copyOf(buf, n));
            } else if (n > 0 && buf[0] == JOIN) {
                endpoints.add(from);
                send(new byte[] {ANSWER}, 1, from);
            } else if (n > 0 && buf[0] == LEAVE) {
                endpoints.remove(from);
            }
        }
    }

    private void forward(SocketAddress from, byte[] frame) {
        forwarded.incrementAndGet();
        long now = System.nanoTime();
        for (WireTap t : taps) {
            t.onFrame(now, from.toString(), frame);
        }
        for (SocketAddress to : endpoints) {
            if (!to.equals(from)) {
                send(frame, frame.length, to);
            }
        }
    }

    private void send(byte[] data, int length, SocketAddress to) {
        try {
            socket.send(new DatagramPacket(data, length, to));
        } catch (IOException e) {
            // UDP: a gone endpoint costs a lost datagram, as on a real segment
            LOG.debug("{}: send to {} failed: {}", name(), to, e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        socket.close();
        awaitEnd(loop);
    }

    /** The JDK closes a socket that a thread is blocked on only when that thread wakes: wait for it, so the port is free on return. */
    static void awaitEnd(Thread t) {
        if (Thread.currentThread() == t) {
            return;
        }
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
