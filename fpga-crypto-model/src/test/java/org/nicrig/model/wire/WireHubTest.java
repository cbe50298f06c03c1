package org.nicrig.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nicrig.model.device.Device;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.testing.Addresses;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.Event;
import org.nicrig.protocol.message.FrameReceived;
import org.nicrig.protocol.message.Transmit;

/** Two HubWires in one JVM joined by a real UDP hub on the loopback address. */
class WireHubTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private WireHub hub;
    private HubWire left;
    private HubWire right;

    @BeforeEach
    void start() throws IOException {
        hub = WireHub.start(LOOPBACK_ANY_PORT);
        left = HubWire.connect(hub.address(), WAIT);
        right = HubWire.connect(hub.address(), WAIT);
    }

    @AfterEach
    void stop() {
        right.close();
        left.close();
        hub.close();
    }

    private static byte[] frame(String text) {
        return EthernetFrame.build(Addresses.NIC_B, Addresses.NIC_A, EthernetFrame.ETHERTYPE_IPV4, Addresses.udpToPeer(text));
    }

    private static byte[] next(BlockingQueue<byte[]> q) throws InterruptedException {
        byte[] f = q.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(f).as("a frame within " + WAIT).isNotNull();
        return f;
    }

    @Test
    void framesCrossTheHubBothWaysAndAreNotEchoedBack() throws Exception {
        assertThat(hub.endpoints()).isEqualTo(2);
        BlockingQueue<byte[]> atLeft = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> atRight = new LinkedBlockingQueue<>();
        WirePort l1 = left.attach("l1", f -> { });
        left.attach("l2", atLeft::add);
        WirePort r1 = right.attach("r1", atRight::add);

        l1.transmit(frame("left to right"));
        assertThat(next(atRight)).isEqualTo(frame("left to right"));
        assertThat(next(atLeft)).as("the local port got it on the local wire").isEqualTo(frame("left to right"));

        r1.transmit(frame("right to left"));
        assertThat(next(atLeft)).as("not the first frame again: the hub sends nothing back to its sender")
                .isEqualTo(frame("right to left"));
        assertThat(atLeft).isEmpty();
        assertThat(left.framesSent()).isEqualTo(1);
        assertThat(left.framesReceived()).isEqualTo(1);
        assertThat(hub.forwarded()).isEqualTo(2);
    }

    @Test
    void aTapOnEitherSideSeesTheWholeSegmentAsDoesTheHubsTap() throws Exception {
        List<String> tappedRight = new CopyOnWriteArrayList<>();
        List<byte[]> tappedHub = new CopyOnWriteArrayList<>();
        right.addTap((nanos, sender, f) -> tappedRight.add(sender));
        hub.addTap((nanos, sender, f) -> tappedHub.add(f));
        BlockingQueue<byte[]> atRight = new LinkedBlockingQueue<>();
        right.attach("r1", atRight::add);
        left.attach("l1", f -> { }).transmit(frame("seen"));
        next(atRight);
        assertThat(tappedRight).containsExactly(right.hubName());
        assertThat(tappedHub).hasSize(1);
        assertThat(tappedHub.get(0)).isEqualTo(frame("seen"));
    }

    @Test
    void aDeviceHearsAFrameSentFromTheOtherProcess() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try (Device sender = new Device(DeviceConfig.of(Profiles.I82559_PLAIN, Addresses.NIC_A), left);
             Device receiver = new Device(DeviceConfig.of(Profiles.I82559_PLAIN, Addresses.NIC_B), right)) {
            receiver.onEvent(events::add);
            sender.handle(new Transmit(Bytes.wrap(frame("hello B"))));
            Event e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).isInstanceOf(FrameReceived.class);
            assertThat(((FrameReceived) e).frame().toArray()).isEqualTo(frame("hello B"));
        }
    }

    @Test
    void leavingTheHubUnregisters() throws Exception {
        right.close();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (hub.endpoints() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(hub.endpoints()).isEqualTo(1);
    }

    @Test
    void noHubIsAOneLineErrorNamingTheAddress() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(LOOPBACK_ANY_PORT)) {
            InetSocketAddress at = (InetSocketAddress) silent.getLocalSocketAddress();
            assertThatThrownBy(() -> HubWire.connect(at, Duration.ofMillis(300)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("udp:" + at.getHostString() + ":" + at.getPort() + ": no hub answered within 300 ms");
        }
        int freed;
        try (DatagramSocket s = new DatagramSocket(LOOPBACK_ANY_PORT)) {
            freed = s.getLocalPort();
        }
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), freed);
        assertThatThrownBy(() -> HubWire.connect(nobody, Duration.ofMillis(300)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("udp:" + nobody.getHostString() + ":" + freed + ": no hub");
    }

    @Test
    void aHubCannotListenOnAPortInUse() {
        assertThatThrownBy(() -> WireHub.start(hub.address()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(hub.name() + ": cannot listen");
    }
}
