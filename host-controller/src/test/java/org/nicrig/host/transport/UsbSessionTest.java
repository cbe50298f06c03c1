package org.nicrig.host.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.session.SessionListener;
import org.nicrig.model.device.Device;
import org.nicrig.model.server.DeviceServer;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.codec.MessageCodec;
import org.nicrig.protocol.codec.MessageStream;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.message.*;

/**
 * The USB transport under the real session and frame codec: the device model served over a fake
 * bulk endpoint pair, and frames cut across transfers at random.
 */
// a guard, not a measurement: a lost byte would otherwise leave a read waiting for ever
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UsbSessionTest {

    private final FakeUsb usb = new FakeUsb();
    private final FakeUsbDevice dev = usb.add(1, 4, 0x1209, 0x0001, "NR-0007", FakeUsb.CDC_CONTROL, FakeUsb.VENDOR_BULK);
    private final VirtualWire wire = new VirtualWire();
    private DeviceServer server;
    private DeviceSession session;

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
            server.device().close();
        }
    }

    private UsbTransport transport(String uri) throws TransportException {
        TransportUri u = TransportUri.parse(uri);
        return new UsbTransport(UsbAddress.parse(u), UsbSettings.fromUri(u), port -> usb);
    }

    /** The emulated FPGA NIC, served over the device's side of the fake endpoints. */
    private void serveDevice() throws TransportException {
        EmulatedTransport profile = (EmulatedTransport) new EmulatedTransportProvider(wire)
                .create(TransportUri.parse("emulated:fpga-aes?mac=02:00:00:00:00:07&speed=unlimited"));
        server = new DeviceServer(new Device(profile.config(), wire), new FakeUsbDeviceChannel(dev)).start();
    }

    @Test
    void helloAndIdentifyRunOverTheBulkEndpoints() throws Exception {
        serveDevice();
        session = new DeviceSession("usb-nic", transport("usb:1209:0001/NR-0007"), SessionConfig.DEFAULT);

        IdentifyReply id = session.open();

        assertThat(session.state()).isEqualTo(DeviceSession.State.OPEN);
        assertThat(id.mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:07"));
        assertThat(id.pci().vendorId()).isEqualTo(0x1172);
        assertThat(id.pci().deviceId()).isEqualTo(0xE001);
        // an IDENTIFY answer is longer than one 64-byte packet, so it crossed transfers
        assertThat(new MessageStream(new MessageCodec(), null).encode(1, id).length).isGreaterThan(FakeUsbDevice.MAX_PACKET);
        assertThat(((HeartbeatReply) session.call(new Heartbeat(0xC0FFEE))).nonce()).isEqualTo(0xC0FFEE);
    }

    @Test
    void unpluggingTheDeviceEndsTheSessionNamingThePort() throws Exception {
        serveDevice();
        session = new DeviceSession("usb-nic", transport("usb:1209:0001"), SessionConfig.DEFAULT);
        CompletableFuture<String> gone = new CompletableFuture<>();
        session.addListener(new SessionListener() {
            @Override
            public void onGone(DeviceSession s, String why) {
                gone.complete(why);
            }
        });
        session.open();

        usb.unplug(dev);

        // the reader's bulk IN or a heartbeat's bulk OUT, whichever meets the unplug first
        assertThat(gone.get(10, TimeUnit.SECONDS)).matches("(write failed: )?usb:1209:0001: device unplugged"
                + "( after 0 of \\d+ bytes)? \\(bulk (IN 0x81|OUT 0x01): LIBUSB_ERROR_NO_DEVICE\\)");
        assertThat(session.state()).isEqualTo(DeviceSession.State.GONE);
    }

    @Test
    void framesCutAcrossTransfersAtRandomDecodeWhole() throws Exception {
        long seed = 4303L;
        Random random = new Random(seed);
        MessageStream encoder = new MessageStream(new MessageCodec(), null);
        List<Envelope> sent = new ArrayList<>();
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 60; i++) {
            Message m = switch (random.nextInt(3)) {
                case 0 -> new HeartbeatReply(random.nextInt() & 0xFFFF_FFFFL, random.nextInt(1 << 16), random.nextInt() & 0xFFFF_FFFFL);
                case 1 -> new RegValue(random.nextInt(1 << 16), random.nextInt() & 0xFFFF_FFFFL);
                default -> new DeviceError(ErrorCode.BAD_FRAME, "x".repeat(random.nextInt(150)));
            };
            Envelope e = new Envelope(i + 1, m);
            sent.add(e);
            stream.writeBytes(encoder.encode(e.sequence(), m));
        }
        // cut the stream into packets of random sizes; a full packet continues the transfer,
        // anything shorter ends it, and zero-length packets are thrown in between
        byte[] bytes = stream.toByteArray();
        for (int i = 0; i < bytes.length; ) {
            if (random.nextInt(8) == 0) {
                dev.packet(new byte[0]);
            }
            int n = Math.min(bytes.length - i, random.nextBoolean() ? FakeUsbDevice.MAX_PACKET : 1 + random.nextInt(FakeUsbDevice.MAX_PACKET));
            dev.packet(java.util.Arrays.copyOfRange(bytes, i, i + n));
            i += n;
        }
        UsbTransport t = transport("usb:1209:0001");
        t.open();
        List<Envelope> received = new ArrayList<>();
        List<ProtocolException> errors = new ArrayList<>();
        MessageStream decoder = new MessageStream(new MessageCodec(), new MessageStream.Listener() {
            @Override
            public void onMessage(Envelope envelope) {
                received.add(envelope);
            }

            @Override
            public void onError(ProtocolException error) {
                errors.add(error);
            }
        });
        byte[] buf = new byte[97]; // reads of an odd size, so they do not line up with packets either
        try {
            while (received.size() + errors.size() < sent.size()) {
                int n = t.read(buf, 0, 1 + random.nextInt(buf.length));
                decoder.feed(buf, 0, n);
            }
        } finally {
            t.close();
        }

        assertThat(errors).as("seed " + seed).isEmpty();
        assertThat(received).as("seed " + seed).containsExactlyElementsOf(sent);
    }
}
