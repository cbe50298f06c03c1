package org.nicrig.host.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nicrig.host.transport.TransportException;
import org.nicrig.host.transport.TransportUri;

/** --nvm-dir: each device model gets nvm=DIR/NAME, everything else is left as the rig says. */
class NvmDirTest {
    private static final Path DIR = Path.of("/tmp/nvm-test");

    @Test
    void everyEmulatedDeviceOfTheShippedRigGetsADirectoryNamedAfterIt() throws Exception {
        Rig rig = RigLoader.load(RigLoaderTest.RIGS.resolve("emulated.yaml")).withNvmDir(DIR);
        for (RigDevice d : rig.devices()) {
            TransportUri uri = TransportUri.parse(d.transport());
            assertThat(uri.params()).containsEntry("nvm", "/tmp/nvm-test/" + d.name());
            assertThat(TransportCheck.problem(d.transport().replaceAll("&nvm=[^&]*", ""))).isNull();
        }
        RigDevice fpga1 = rig.device("fpga1").orElseThrow();
        assertThat(fpga1.transport())
                .isEqualTo("emulated:fpga-aes?mac=02:00:00:00:00:01&seed=1&nvm=/tmp/nvm-test/fpga1");
        assertThat(fpga1.expect()).isPresent();
    }

    @Test
    void otherTransportsAndTheRestOfTheRigAreUnchanged() throws Exception {
        Rig loaded = RigLoader.load(RigLoaderTest.RIGS.resolve("emulated.yaml"));
        Rig mixed = new Rig("mixed", List.of(
                new RigDevice("bench", "serial:/dev/ttyUSB0?baud=921600", Optional.empty(), Optional.empty()),
                new RigDevice("remote", "tcp://labhost:4001", Optional.empty(), Optional.empty()),
                new RigDevice("pty", "pty-emulator:fpga-aes?mac=02:00:00:00:00:04", Optional.empty(), Optional.empty())),
                loaded.team(), loaded.sas(), loaded.peer(), loaded.wire(), loaded.allow());
        Rig mapped = mixed.withNvmDir(DIR);
        assertThat(mapped.devices().get(0)).isEqualTo(mixed.devices().get(0));
        assertThat(mapped.devices().get(1)).isEqualTo(mixed.devices().get(1));
        assertThat(mapped.devices().get(2).transport())
                .isEqualTo("pty-emulator:fpga-aes?mac=02:00:00:00:00:04&nvm=/tmp/nvm-test/pty");
        assertThat(mapped.team()).isSameAs(mixed.team());
        assertThat(mapped.name()).isEqualTo("mixed");
    }

    @Test
    void anNvmTheUriAlreadyHadIsReplacedAndARelativeDirectoryMadeAbsolute() throws TransportException {
        String uri = NvmDir.apply("emulated:fpga-aes?nvm=old&mac=02:00:00:00:00:01", Path.of("rel", "x"));
        TransportUri parsed = TransportUri.parse(uri);
        assertThat(parsed.params()).containsOnlyKeys("nvm", "mac");
        assertThat(Path.of(parsed.params().get("nvm"))).isEqualTo(Path.of("rel", "x").toAbsolutePath());
        assertThat(NvmDir.inMemory("emulated:fpga-aes?mac=02:00:00:00:00:01")).isTrue();
        assertThat(NvmDir.inMemory(uri)).isFalse();
        assertThat(NvmDir.inMemory("tcp://labhost:4001")).isFalse();
    }

    @Test
    void aDirectoryThatWouldSplitTheParameterIsRefused() {
        assertThatThrownBy(() -> NvmDir.apply("emulated:fpga-aes?mac=02:00:00:00:00:01", Path.of("/tmp/a&b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'&'");
    }
}
