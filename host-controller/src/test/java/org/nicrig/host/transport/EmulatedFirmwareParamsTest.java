package org.nicrig.host.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.model.firmware.NonVolatileMemory;
import org.nicrig.model.firmware.Slot;
import org.nicrig.model.firmware.TrustedKey;
import org.nicrig.model.wire.VirtualWire;

/**
 * nvm=DIR and trusted-key=PATH on emulated: and pty-emulator: URIs: read as absolute paths, the
 * key checked before anything starts, and both handed to fpga-emu for a device in its own process.
 */
class EmulatedFirmwareParamsTest {
    private static final String MAC = "mac=02:00:00:00:00:31";
    private static final Path DEV_PUB = Path.of("..", "keys", "nicrig-dev.pub").toAbsolutePath().normalize();

    private static TransportException badUri(TransportProvider provider, String uri) {
        TransportException e = catchThrowableOfType(TransportException.class, () -> provider.create(TransportUri.parse(uri)));
        assertThat(e).as(uri).isNotNull();
        assertThat(e.reason()).isEqualTo(TransportException.Reason.BAD_URI);
        return e;
    }

    @Test
    void anEmulatedDeviceKeepsItsMemoryInTheDirectoryAndTrustsTheNamedKey(@TempDir Path dir) throws Exception {
        Path nvm = dir.resolve("fpga1");
        EmulatedTransport t = (EmulatedTransport) new EmulatedTransportProvider(new VirtualWire()).create(TransportUri.parse(
                "emulated:fpga-aes?" + MAC + "&nvm=" + nvm + "&trusted-key=" + DEV_PUB));
        assertThat(t.config().nvm().toString()).isEqualTo("nvm " + nvm);
        assertThat(t.config().trustedKey()).isEqualTo(TrustedKey.DEVELOPMENT);
        t.open(); // power-on formats the blank directory
        t.close();
        assertThat(NonVolatileMemory.directory(nvm).read().orElseThrow().boot()).isEqualTo(Slot.A);

        EmulatedTransport inMemory = (EmulatedTransport) new EmulatedTransportProvider(new VirtualWire())
                .create(TransportUri.parse("emulated:fpga-aes?" + MAC));
        assertThat(inMemory.config().nvm().toString()).isEqualTo("nvm in memory");
    }

    @Test
    void theParametersGoToFpgaEmuAsAbsolutePaths(@TempDir Path dir) throws Exception {
        PtyEmulatorTransport t = new PtyEmulatorProvider(Optional.empty()).create(TransportUri.parse(
                "pty-emulator:fpga-aes?" + MAC + "&nvm=" + dir.resolve("a/../nic2") + "&trusted-key=" + DEV_PUB));
        assertThat(t.spec().nvm()).contains(dir.resolve("nic2"));
        assertThat(PtyEmulator.arguments(t.spec(), Optional.empty(), Path.of("/x/b")).get(1))
                .isEqualTo("fpga-aes,mac=02:00:00:00:00:31,revision=1,seed=1,nvm=" + dir.resolve("nic2") + ",trusted-key=" + DEV_PUB);
        assertThat(t.isOpen()).isFalse();
    }

    @Test
    void aBadKeyFileOrAFileForTheMemoryIsABadUriNamingIt(@TempDir Path dir) throws Exception {
        EmulatedTransportProvider emulated = new EmulatedTransportProvider(new VirtualWire());
        Path missing = dir.resolve("lab.pub");
        assertThat(badUri(emulated, "emulated:fpga-aes?" + MAC + "&trusted-key=" + missing))
                .hasMessageContaining("parameter trusted-key: " + missing + ": cannot read the trusted key: no such file");
        Path privateKey = Path.of("..", "keys", "nicrig-dev.key").toAbsolutePath().normalize();
        assertThat(badUri(emulated, "emulated:fpga-aes?" + MAC + "&trusted-key=" + privateKey))
                .hasMessageContaining(privateKey + ": holds a private key");
        Path file = Files.writeString(dir.resolve("nvm-file"), "x");
        assertThat(badUri(emulated, "emulated:fpga-aes?" + MAC + "&nvm=" + file))
                .hasMessageContaining("parameter nvm: " + file + " is a file");
        Path comma = Files.createDirectories(dir.resolve("a,b"));
        assertThat(badUri(new PtyEmulatorProvider(Optional.empty()), "pty-emulator:fpga-aes?" + MAC + "&nvm=" + comma))
                .hasMessageContaining("may not contain ','");
        assertThat(badUri(emulated, "emulated:fpga-aes?" + MAC + "&nvm=")).hasMessageContaining("parameter nvm: expected a path");
        assertThat(List.of(EmulatedDeviceSpec.PARAMS.toArray())).contains("nvm", "trusted-key");
    }
}
