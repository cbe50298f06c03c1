package org.nicrig.model.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nicrig.model.device.Device;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.HostEnd;
import org.nicrig.model.testing.Sas;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.FaultKind;
import org.nicrig.protocol.message.Hello;
import org.nicrig.protocol.message.HelloReply;
import org.nicrig.protocol.message.Identify;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.InjectFault;
import org.nicrig.protocol.message.SaAdd;

/** A device on a loopback TCP port: one host at a time, the device outliving its connections. */
class TcpDeviceListenerTest {
    private Device device;
    private TcpDeviceListener listener;

    @BeforeEach
    void start() throws IOException {
        device = new Device(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A), new VirtualWire());
        listener = TcpDeviceListener.start(device, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        listener.close();
        device.close();
    }

    private HostEnd connect() throws IOException {
        return new HostEnd(new TcpChannel(new Socket("127.0.0.1", listener.address().getPort())));
    }

    @Test
    void servesTheProtocolAndNamesItsAddress() throws Exception {
        assertThat(listener.name()).isEqualTo("tcp:127.0.0.1:" + listener.address().getPort());
        try (HostEnd host = connect()) {
            assertThat(host.request(new Hello(1, 1), HelloReply.class).version()).isEqualTo(1);
            assertThat(host.request(new Identify(), IdentifyReply.class).mac()).isEqualTo(Addresses.NIC_A);
        }
    }

    @Test
    void aSecondHostIsTurnedAwayWhileTheFirstIsServed() throws Exception {
        try (HostEnd first = connect()) {
            first.request(new Hello(1, 1));
            try (HostEnd second = connect()) {
                assertThat(second.awaitClosed(HostEnd.WAIT)).as("second connection closed by the device").isTrue();
            }
            assertThat(first.request(new Identify())).isInstanceOf(IdentifyReply.class);
        }
    }

    @Test
    void theNextHostFindsTheDeviceAsTheLastOneLeftIt() throws Exception {
        try (HostEnd first = connect()) {
            assertThat(first.request(new SaAdd(3, Sas.aes(1, 1)[0]))).isInstanceOf(Ack.class);
        }
        HostEnd next = awaitServed();
        try (next) {
            ErrorReply again = next.request(new SaAdd(3, Sas.aes(2, 2)[0]), ErrorReply.class);
            assertThat(again.code()).isEqualTo(ErrorCode.SA_SLOT_IN_USE);
        }
    }

    @Test
    void unplugDropsTheConnectionAndTheDeviceCanBeReachedAgain() throws Exception {
        try (HostEnd host = connect()) {
            host.request(new InjectFault(FaultKind.UNPLUG, 0, Duration.ZERO));
            assertThat(host.awaitClosed(HostEnd.WAIT)).isTrue();
        }
        try (HostEnd again = awaitServed()) {
            assertThat(again.request(new Identify())).isInstanceOf(IdentifyReply.class);
        }
    }

    @Test
    void aPortInUseIsAOneLineErrorNamingIt() {
        int port = listener.address().getPort();
        assertThatThrownBy(() -> TcpDeviceListener.start(device, new InetSocketAddress("127.0.0.1", port)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("tcp:127.0.0.1:" + port + ": cannot listen: ")
                .hasMessageContaining("in use")
                .hasMessageNotContaining("\n");
    }

    /**
     * Connects until a connection is served: the device notices the previous host left when its
     * read ends, a moment after our close, and until then turns newcomers away.
     */
    private HostEnd awaitServed() throws Exception {
        long deadline = System.nanoTime() + HostEnd.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            HostEnd h = connect();
            h.send(new Hello(1, 1));
            if (!h.awaitClosed(Duration.ofMillis(200))) {
                return h;
            }
            h.close();
        }
        throw new AssertionError("the device never took a new host");
    }
}
