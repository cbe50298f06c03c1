package org.nicrig.model.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.model.device.Device;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.HostEnd;
import org.nicrig.model.testing.PtyPair;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.message.Hello;
import org.nicrig.protocol.message.HelloReply;
import org.nicrig.protocol.message.Identify;
import org.nicrig.protocol.message.IdentifyReply;

/** The serial channel on socat ptys, and its one-line open errors. */
class SerialChannelTest {

    @Test
    void aMissingPathIsReportedAsMissingNotRewrittenToDev(@TempDir Path dir) {
        // jSerialComm alone would try /dev/ttyS0 for this path
        Path missing = dir.resolve("ttyS0");
        assertThatThrownBy(() -> SerialChannel.open(missing))
                .isInstanceOf(IOException.class)
                .hasMessage("serial:" + missing + ": port does not exist");
    }

    @Test
    void aDanglingLinkAndADirectorySaySo(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("gone"), dir.resolve("nowhere"));
        assertThatThrownBy(() -> SerialChannel.open(link)).hasMessageEndingWith("port does not exist (dangling link)");
        assertThatThrownBy(() -> SerialChannel.open(dir)).hasMessageContaining("not a serial device");
    }

    @Test
    void aDeviceServedOnOnePtyIsReachedThroughTheOther() throws Exception {
        try (PtyPair pty = PtyPair.start();
             Device device = new Device(DeviceConfig.of(Profiles.I82559_IPSEC, Addresses.NIC_B), new VirtualWire())) {
            DeviceServer server = new DeviceServer(device, SerialChannel.open(pty.a())).start();
            try (HostEnd host = new HostEnd(SerialChannel.open(pty.b()))) {
                assertThat(server.channel().name()).isEqualTo("serial:" + pty.a());
                assertThat(host.request(new Hello(1, 1), HelloReply.class).version()).isEqualTo(1);
                assertThat(host.request(new Identify(), IdentifyReply.class).mac()).isEqualTo(Addresses.NIC_B);
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aPortAlreadyOpenIsBusy() throws Exception {
        try (PtyPair pty = PtyPair.start(); SerialChannel first = SerialChannel.open(pty.a())) {
            assertThat(first.name()).endsWith("/a");
            assertThatThrownBy(() -> SerialChannel.open(pty.a()))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("serial:" + pty.a() + ": port is busy");
        }
    }

    @Test
    void theServerStopsWhenTheOtherSideVanishes() throws Exception {
        try (PtyPair pty = PtyPair.start();
             Device device = new Device(DeviceConfig.of(Profiles.I82559_IPSEC, Addresses.NIC_B), new VirtualWire())) {
            DeviceServer server = new DeviceServer(device, SerialChannel.open(pty.a())).start();
            pty.close(); // socat gone: the pty's other side hangs up
            assertThat(server.awaitClosed(HostEnd.WAIT)).isTrue();
        }
    }
}
