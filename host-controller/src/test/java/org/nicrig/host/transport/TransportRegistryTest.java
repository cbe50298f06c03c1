package org.nicrig.host.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TransportRegistryTest {

    /** A provider that records what it was given; the registry's job is only to dispatch. */
    private static final class Recording implements TransportProvider {
        TransportUri seen;

        @Override
        public Transport create(TransportUri uri) {
            seen = uri;
            return new TcpTransport("localhost", 1, TcpTransport.DEFAULT_CONNECT_TIMEOUT, java.time.Duration.ZERO);
        }
    }

    @Test
    void standardRegistryServesSerialTcpAndUsb() throws Exception {
        assertThat(TransportRegistry.standard().schemes()).containsExactly("serial", "tcp", "usb");
        assertThat(TransportRegistry.standard().create("serial:/dev/ttyUSB0")).isInstanceOf(SerialTransport.class);
        assertThat(TransportRegistry.standard().create("tcp://localhost:4001")).isInstanceOf(TcpTransport.class);
    }

    @Test
    void aRigsRegistryAddsBothEmulatorsWithoutChangingTheStandardOne() throws Exception {
        var hub = java.net.InetSocketAddress.createUnresolved("127.0.0.1", 47_000);
        TransportRegistry r = TransportRegistry.forRig(new org.nicrig.model.wire.VirtualWire(), java.util.Optional.of(hub));

        assertThat(r.schemes()).containsExactly("serial", "tcp", "usb", "emulated", "pty-emulator");
        assertThat(r.create("emulated:fpga-aes?mac=02:00:00:00:00:01")).isInstanceOf(EmulatedTransport.class);
        Transport pty = r.create("pty-emulator:fpga-aes?mac=02:00:00:00:00:01&baud=115200");
        assertThat(pty).isInstanceOf(PtyEmulatorTransport.class);
        assertThat(((PtyEmulatorTransport) pty).hub()).contains(hub);
        assertThat(TransportRegistry.standard().schemes()).containsExactly("serial", "tcp", "usb");
    }

    @Test
    void anAddedSchemeIsDispatchedWithItsParsedUri() throws Exception {
        Recording emulated = new Recording();
        TransportRegistry r = TransportRegistry.standard().with("emulated", emulated);

        r.create("emulated:nic82559?mac=02:00:00:00:00:01");

        assertThat(emulated.seen.target()).isEqualTo("nic82559");
        assertThat(emulated.seen.params()).containsEntry("mac", "02:00:00:00:00:01");
        assertThat(r.schemes()).containsExactly("serial", "tcp", "usb", "emulated");
        assertThat(TransportRegistry.standard().schemes()).as("standard registry unchanged").doesNotContain("emulated");
    }

    @Test
    void aSchemeCanBeReplaced() throws Exception {
        Recording usb = new Recording();
        TransportRegistry r = TransportRegistry.standard().with("usb", usb);

        r.create("usb:0403:6001");

        assertThat(usb.seen.target()).isEqualTo("0403:6001");
    }

    @Test
    void anEmptyRegistryNamesNoScheme() {
        TransportException e = catchThrowableOfType(TransportException.class,
                () -> TransportRegistry.empty().create("serial:/dev/ttyUSB0"));
        assertThat(e.getMessage()).contains("unknown scheme 'serial', expected one of ;");
    }

    @Test
    void schemeMustBeLowerCase() {
        assertThatThrownBy(() -> TransportRegistry.empty().with("Serial", new Recording()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openClosesWhatFailedToOpen() {
        TransportException e = catchThrowableOfType(TransportException.class,
                () -> TransportRegistry.standard().open("serial:/nonexistent/ttyUSB9"));
        assertThat(e.reason()).isEqualTo(TransportException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("serial:/nonexistent/ttyUSB9: port does not exist");
    }
}
