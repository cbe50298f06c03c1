package org.nicrig.model.wire;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's part of a segment that a {@link WireHub} spans: a {@link VirtualWire} for the
 * local ports and taps, plus an uplink port on it that sends every local frame to the hub and
 * puts every frame from the hub on the local wire. Since the hub forwards each frame to every
 * other endpoint, a tap here sees the whole segment.
 *
 * <p>Joins the hub on {@link #connect} and again every {@link #REJOIN} (so a restarted hub
 * learns about it again); leaves on {@link #close()}.
 */
public final class HubWire implements Wire, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubWire.class);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REJOIN = Duration.ofSeconds(5);

    private final VirtualWire local = new VirtualWire();
    private final DatagramSocket socket;
    private final String hubName;
    private final WirePort uplink;
    private final Thread receiver;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running = true;

    private HubWire(DatagramSocket socket, String hubName) {
        this.socket = socket;
        this.hubName = hubName;
        this.uplink = local.attach(hubName, this::toHub);
        this.receiver = new Thread(this::fromHub, "hub-wire " + hubName);
        receiver.setDaemon(true);
    }

    /**
     * Joins the hub at {@code hub} and waits up to {@code timeout} for its answer.
     *
     * @throws IOException naming the hub when none answers or the socket cannot be made
     */
    public static HubWire connect(InetSocketAddress hub, Duration timeout) throws IOException {
        String name = "udp:" + hub.getHostString() + ":" + hub.getPort();
        if (hub.isUnresolved()) {
            throw new IOException(name + ": unknown host");
        }
        DatagramSocket s;
        try {
            InetAddress local = hub.getAddress().isLoopbackAddress() ? hub.getAddress() : null;
            s = new DatagramSocket(new InetSocketAddress(local, 0));
            s.connect(hub);
        } catch (SocketException e) {
            throw new IOException(name + ": cannot reach the hub: " + e.getMessage(), e);
        }
        try {
            awaitJoined(s, name, timeout);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        HubWire w = new HubWire(s, name);
        w.receiver.start();
        return w;
    }

    private static void awaitJoined(DatagramSocket s, String name, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[WireHub.MAX_DATAGRAM];
        s.send(new DatagramPacket(new byte[] {WireHub.JOIN}, 1));
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException(name + ": no hub answered within " + timeout.toMillis() + " ms");
            }
            s.setSoTimeout((int) Math.max(1, left / 1_000_000));
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            try {
                s.receive(in);
            } catch (PortUnreachableException e) {
                throw new IOException(name + ": no hub is listening there (port unreachable)", e);
            } catch (SocketTimeoutException e) {
                continue;
            }
            // the hub's answer, or a frame that raced it: either way the hub knows us now
            // (such an early frame is dropped, as one that arrives before a link is up)
            if (in.getLength() > 0) {
                return;
            }
        }
    }

    /** {@code udp:127.0.0.1:PORT} of the hub. */
    public String hubName() {
        return hubName;
    }

    @Override
    public WirePort attach(String name, WirePort.Receiver receiver) {
        return local.attach(name, receiver);
    }

    @Override
    public void addTap(WireTap tap) {
        local.addTap(tap);
    }

    @Override
    public void removeTap(WireTap tap) {
        local.removeTap(tap);
    }

    /** Frames sent to the hub and received from it. */
    public long framesSent() {
        return sent.get();
    }

    public long framesReceived() {
        return received.get();
    }

    private void toHub(byte[] frame) {
        try {
            socket.send(new DatagramPacket(frame, frame.length));
            sent.incrementAndGet();
        } catch (IOException e) {
            // UDP: the frame is lost, as on a segment whose hub is down
            LOG.debug("{}: send failed: {}", hubName, e.getMessage());
        }
    }

    private void fromHub() {
        byte[] buf = new byte[WireHub.MAX_DATAGRAM];
        long nextJoin = System.nanoTime() + REJOIN.toNanos();
        try {
            socket.setSoTimeout((int) REJOIN.toMillis());
        } catch (SocketException e) {
            LOG.warn("{}: {}", hubName, e.getMessage());
        }
        while (running) {
            if (System.nanoTime() - nextJoin >= 0) {
                control(WireHub.JOIN);
                nextJoin = System.nanoTime() + REJOIN.toNanos();
            }
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(in);
            } catch (SocketTimeoutException | PortUnreachableException e) {
                continue; // quiet segment, or the hub is restarting: the next join finds it
            } catch (IOException e) {
                if (running) {
                    LOG.warn("{}: receive failed: {}", hubName, e.getMessage());
                }
                return;
            }
            if (in.getLength() >= EthernetFrame.HEADER_LENGTH) {
                received.incrementAndGet();
                uplink.transmit(Arrays.copyOf(buf, in.getLength()));
            }
        }
    }

    private void control(byte what) {
        try {
            socket.send(new DatagramPacket(new byte[] {what}, 1));
        } catch (IOException e) {
            LOG.debug("{}: control datagram failed: {}", hubName, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        control(WireHub.LEAVE);
        uplink.close();
        socket.close();
        WireHub.awaitEnd(receiver);
    }

    @Override
    public String toString() {
        return "HubWire[" + hubName + "]";
    }
}
