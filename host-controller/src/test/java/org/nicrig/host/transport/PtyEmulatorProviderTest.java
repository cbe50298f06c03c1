package org.nicrig.host.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nicrig.host.testing.ChildProcesses;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.wire.VirtualWire;

/**
 * pty-emulator URIs are checked before anything starts, and an emulator that cannot start is
 * reported with the URI and what it said on stderr, leaving no process behind.
 */
class PtyEmulatorProviderTest {
    private static final String MAC = "mac=02:00:00:00:00:21";
    private final PtyEmulatorProvider provider = new PtyEmulatorProvider(Optional.empty());
    private Set<Long> childrenBefore;

    @BeforeEach
    void snapshotChildren() {
        childrenBefore = ChildProcesses.alive();
    }

    @AfterEach
    void noProcessLeft() throws InterruptedException {
        ChildProcesses.assertNoneLeftSince(childrenBefore);
    }

    private TransportException badUri(String uri) {
        TransportException e = catchThrowableOfType(TransportException.class, () -> provider.create(TransportUri.parse(uri)));
        assertThat(e).as(uri).isNotNull();
        assertThat(e.reason()).isEqualTo(TransportException.Reason.BAD_URI);
        return e;
    }

    @Test
    void badParametersAreBadUrisBeforeAnythingStarts() {
        assertThat(badUri("pty-emulator:fpga-des?" + MAC))
                .hasMessageContaining("pty-emulator:fpga-des").hasMessageContaining("unknown device profile 'fpga-des'");
        assertThat(badUri("pty-emulator:fpga-aes?" + MAC + "&defects=IV_REUSE+NO_SUCH_DEFECT"))
                .hasMessageContaining("unknown defect 'NO_SUCH_DEFECT'");
        assertThat(badUri("pty-emulator:fpga-aes?" + MAC + "&baud=5000000")).hasMessageContaining("parameter baud");
        assertThat(badUri("pty-emulator:fpga-aes?" + MAC + "&hub=udp:127.0.0.1")).hasMessageContaining("parameter hub");
        assertThat(badUri("pty-emulator:fpga-aes?" + MAC + "&seed=-3")).hasMessageContaining("parameter seed");
        assertThat(badUri("pty-emulator:fpga-aes?" + MAC + "&parity=even")).hasMessageContaining("unknown parameter 'parity'");
        assertThat(badUri("pty-emulator:fpga-aes")).hasMessageContaining("needs mac=");
        assertThat(ChildProcesses.alive()).as("nothing was started").isEqualTo(childrenBefore);
    }

    @Test
    void theDeviceParametersMeanWhatTheyMeanForEmulated() throws Exception {
        String query = "?" + MAC + "&seed=7&speed=10&revision=3&defects=IV_REUSE";
        PtyEmulatorTransport t = provider.create(TransportUri.parse("pty-emulator:82559-ipsec" + query + "&baud=115200"));
        EmulatedTransport same = (EmulatedTransport) new EmulatedTransportProvider(new VirtualWire())
                .create(TransportUri.parse("emulated:82559-ipsec" + query));
        assertThat(t.spec().toConfig().withNvm(same.config().nvm())).as("the same but for the memory, which is per transport")
                .isEqualTo(same.config());
        assertThat(t.baud()).isEqualTo(115_200);
        assertThat(t.hub()).isEmpty();
        assertThat(t.isOpen()).isFalse();
    }

    @Test
    void theHubComesFromTheUriElseFromTheProvider() throws Exception {
        InetSocketAddress runnersHub = new InetSocketAddress(InetAddress.getLoopbackAddress(), 47_000);
        PtyEmulatorProvider withHub = new PtyEmulatorProvider(Optional.of(runnersHub));
        assertThat(withHub.create(TransportUri.parse("pty-emulator:fpga-aes?" + MAC)).hub()).contains(runnersHub);
        assertThat(withHub.create(TransportUri.parse("pty-emulator:fpga-aes?" + MAC + "&hub=udp:localhost:9000")).hub())
                .hasValueSatisfying(h -> assertThat(h.getHostString() + ":" + h.getPort()).isEqualTo("localhost:9000"));
    }

    @Test
    void fpgaEmuIsToldTheWholeDevice() {
        EmulatedDeviceSpec spec = new EmulatedDeviceSpec(org.nicrig.model.device.Profiles.FPGA_AES,
                org.nicrig.protocol.message.MacAddress.parse("02:00:00:00:00:21"), 2, Double.POSITIVE_INFINITY, 9,
                List.of(Defect.IV_REUSE, Defect.SEQ_NOT_INCREMENTED));
        assertThat(PtyEmulator.arguments(spec, Optional.of(InetSocketAddress.createUnresolved("127.0.0.1", 47000)),
                Path.of("/tmp/nicrig-pty-1/b"))).containsExactly(
                "--device", "fpga-aes,mac=02:00:00:00:00:21,revision=2,seed=9,defects=IV_REUSE+SEQ_NOT_INCREMENTED",
                "--serial", "/tmp/nicrig-pty-1/b", "--speed", "unlimited", "--hub", "udp:127.0.0.1:47000");
        EmulatedDeviceSpec slow = new EmulatedDeviceSpec(spec.profile(), spec.mac(), 1, 2.5, 0, List.of());
        assertThat(PtyEmulator.arguments(slow, Optional.empty(), Path.of("/x/b"))).containsExactly(
                "--device", "fpga-aes,mac=02:00:00:00:00:21,revision=1,seed=0", "--serial", "/x/b", "--speed", "2.5");
    }

    private TransportException failsToOpen(PtyEmulatorTransport t) {
        TransportException e = catchThrowableOfType(TransportException.class, t::open);
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(TransportException.Reason.IO);
        assertThat(e.transport()).isEqualTo(t.name());
        assertThat(e.getMessage()).startsWith(t.name() + ": ");
        assertThat(t.isOpen()).isFalse();
        return e;
    }

    @Test
    void aMissingJavaBinaryIsReportedWithTheUri() throws Exception {
        PtyEmulatorProvider broken = new PtyEmulatorProvider(Optional.empty(),
                EmulatorCommand.current().withJava(Path.of("/nonexistent/nicrig/bin/java")));
        PtyEmulatorTransport t = broken.create(TransportUri.parse("pty-emulator:fpga-aes?" + MAC));
        assertThat(failsToOpen(t)).hasMessageContaining("cannot start the emulator process (/nonexistent/nicrig/bin/java)");
    }

    @Test
    void anEmulatorThatExitsAtStartIsReportedWithItsStderrLine() throws Exception {
        int closedPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort(); // free once closed: no hub answers there
        }
        PtyEmulatorTransport t = provider.create(TransportUri.parse(
                "pty-emulator:fpga-aes?" + MAC + "&hub=udp:127.0.0.1:" + closedPort));
        assertThat(failsToOpen(t)).hasMessageContaining("the emulator process exited with status 1 before serving")
                .hasMessageContaining("it said: fpga-emu: udp:127.0.0.1:" + closedPort + ": no hub");
    }

    @Test
    void aJvmThatCannotStartIsReportedWithWhatItSaid() throws Exception {
        EmulatorCommand current = EmulatorCommand.current();
        PtyEmulatorProvider broken = new PtyEmulatorProvider(Optional.empty(), new EmulatorCommand(current.java(),
                current.classpath(), List.of("-XX:+NoSuchNicrigOption"), current.startTimeout()));
        PtyEmulatorTransport t = broken.create(TransportUri.parse("pty-emulator:fpga-aes?" + MAC));
        assertThat(failsToOpen(t)).hasMessageContaining("exited with status 1")
                .hasMessageContaining("Unrecognized VM option 'NoSuchNicrigOption'");
    }

    @Test
    void anEmulatorThatDoesNotServeInTimeIsKilled() throws Exception {
        PtyEmulatorProvider impatient = new PtyEmulatorProvider(Optional.empty(),
                EmulatorCommand.current().withStartTimeout(Duration.ofMillis(1)));
        PtyEmulatorTransport t = impatient.create(TransportUri.parse("pty-emulator:fpga-aes?" + MAC));
        assertThat(failsToOpen(t)).hasMessageContaining("did not report serving within 1 ms");
        // and the @AfterEach finds neither the emulator nor socat alive
    }
}
