package org.nicrig.model.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.model.device.Device;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspSa;
import org.nicrig.model.firmware.NonVolatileMemory;
import org.nicrig.model.firmware.Slot;
import org.nicrig.model.firmware.SlotContent;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.Flasher;
import org.nicrig.model.testing.HostEnd;
import org.nicrig.model.testing.ImageBuilder;
import org.nicrig.model.testing.Sas;
import org.nicrig.model.testing.SigningKey;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.message.*;

/**
 * Power lost in the middle of a flash, through the real server and codec: UNPLUG after half the
 * chunks, then a new Device (power-on) on the same memory boots the old firmware, and a full
 * flash afterwards works. Once with the memory in the config, once in a directory reopened as a
 * new process would.
 */
class FlashPowerLossTest {
    private static final byte[] V2 = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0).rollbackCounter(2)
            .payload(20_000, 3).signedBy(SigningKey.development());
    private static final byte[] PACKET = Addresses.udpToPeer("after the power came back");

    private Device device;
    private DeviceServer server;
    private HostEnd host;

    private void powerOn(DeviceConfig config) throws Exception {
        PipeChannel[] ends = PipeChannel.pair("flash");
        device = new Device(config, new VirtualWire());
        server = new DeviceServer(device, ends[0]).start();
        host = new HostEnd(ends[1]);
        assertThat(host.request(new Hello(1, 1), HelloReply.class).version()).isEqualTo(1);
    }

    private void powerOff() {
        host.close();
        server.close();
        device.close();
    }

    @AfterEach
    void tearDown() {
        if (device != null) {
            powerOff();
        }
    }

    /** BEGIN and the first half of the chunks, each acknowledged, then UNPLUG. */
    private void halfFlashThenUnplug() throws Exception {
        assertThat(host.request(Flasher.begin(V2))).isInstanceOf(Ack.class);
        List<FwChunk> chunks = Flasher.chunks(V2);
        assertThat(chunks).hasSizeGreaterThan(10);
        for (FwChunk c : chunks.subList(0, chunks.size() / 2)) {
            assertThat(host.request(c)).as("chunk at %d", c.offset()).isInstanceOf(Ack.class);
        }
        host.request(new InjectFault(FaultKind.UNPLUG, 0, Duration.ZERO));
        assertThat(host.awaitClosed(HostEnd.WAIT)).isTrue();
        powerOff();
    }

    private void assertRuns(FirmwareVersion version) throws Exception {
        assertThat(host.request(new Identify(), IdentifyReply.class).firmware()).isEqualTo(version);
        SaParams[] sa = Sas.aes(0xF1A5, version.major());
        assertThat(host.request(new SaAdd(2, sa[0]))).isInstanceOf(Ack.class);
        JobResult r = host.request(EncryptJob.returning(77, 2, Bytes.wrap(PACKET)), JobResult.class);
        assertThat(r.status()).isEqualTo(JobStatus.OK);
        assertThat(EspProcessor.secure().decrypt(EspSa.create(sa[1]), r.output().toArray()).output()).isEqualTo(PACKET);
    }

    /** The whole flash over the wire; the device's RESET event (FIRMWARE_ACTIVATE) follows the last ACK. */
    private void fullFlash() throws Exception {
        List<Message> answers = Flasher.flash(r -> {
            try {
                return host.request(r);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, V2);
        assertThat(answers).allMatch(m -> m instanceof Ack);
        assertThat(host.awaitEvent(DeviceReset.class, HostEnd.WAIT)).isEqualTo(new DeviceReset(ResetCause.FIRMWARE_ACTIVATE));
        assertThat(host.request(new Hello(1, 1), HelloReply.class).version()).isEqualTo(1);
    }

    @Test
    void unplugMidFlashLeavesTheOldFirmwareAndAFreshFlashThenWorks() throws Exception {
        DeviceConfig config = DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A).withSpeed(Double.POSITIVE_INFINITY);
        powerOn(config);
        halfFlashThenUnplug();

        powerOn(config); // the same unit: its memory is the config's
        assertRuns(Profiles.FPGA_AES.firmware());
        assertThat(config.nvm().read().orElseThrow().slot(Slot.A)).isEqualTo(SlotContent.FACTORY);
        assertThat(host.request(Flasher.chunks(V2).get(Flasher.chunks(V2).size() / 2)))
                .as("the update did not survive the power loss")
                .isInstanceOfSatisfying(ErrorReply.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FW_NOT_STARTED));

        fullFlash();
        assertRuns(new FirmwareVersion(2, 0, 0));
    }

    /**
     * The device end of a channel whose power goes the moment the device next writes: what it
     * writes never leaves, and the channel is closed, as if the unit were unplugged just then.
     */
    private static final class PowerCut implements ByteChannel {
        private final ByteChannel inner;
        volatile boolean armed;

        PowerCut(ByteChannel inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public int read(byte[] buf, int off, int len) throws java.io.IOException {
            return inner.read(buf, off, len);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            if (armed) {
                inner.close();
                throw new java.io.IOException("power lost");
            }
            inner.write(buf, off, len);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void powerLostBeforeTheAckOfActivateLeftLeavesTheOldFirmwareBooting() throws Exception {
        // FIRMWARE-DEVICE-RULES.md D.8: power lost before FW_ACTIVATE has been acknowledged leaves the old firmware
        DeviceConfig config = DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A).withSpeed(Double.POSITIVE_INFINITY);
        PipeChannel[] ends = PipeChannel.pair("flash-power-cut");
        PowerCut cut = new PowerCut(ends[0]);
        device = new Device(config, new VirtualWire());
        server = new DeviceServer(device, cut).start();
        host = new HostEnd(ends[1]);
        assertThat(host.request(new Hello(1, 1), HelloReply.class).version()).isEqualTo(1);
        assertThat(host.request(Flasher.begin(V2))).isInstanceOf(Ack.class);
        for (FwChunk c : Flasher.chunks(V2)) {
            assertThat(host.request(c)).isInstanceOf(Ack.class);
        }
        assertThat(host.request(new FwCommit())).isInstanceOf(Ack.class);
        cut.armed = true; // the ACK of FW_ACTIVATE will not leave
        host.send(new FwActivate());
        assertThat(host.awaitClosed(HostEnd.WAIT)).isTrue();
        assertThat(server.awaitClosed(HostEnd.WAIT)).isTrue();
        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("device-server " + cut.name())).findFirst().orElse(null);
        if (reader != null) {
            reader.join(HostEnd.WAIT.toMillis()); // whatever the old device still did with FW_ACTIVATE is done
            assertThat(reader.isAlive()).isFalse();
        }
        powerOff();
        assertThat(config.nvm().read().orElseThrow().boot()).as("boot slot after the power loss").isEqualTo(Slot.A);

        powerOn(config);
        assertRuns(Profiles.FPGA_AES.firmware());
    }

    @Test
    void withTheMemoryInADirectoryANewProcessFindsTheOldFirmwareAfterAnUnplugMidFlash(@TempDir Path dir) throws Exception {
        DeviceConfig base = DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A).withSpeed(Double.POSITIVE_INFINITY);
        powerOn(base.withNvm(NonVolatileMemory.directory(dir)));
        fullFlash(); // 2.0.0 now boots from slot B, on disk
        byte[] v3 = ImageBuilder.forProfile(Profiles.FPGA_AES).version(3, 0, 0).rollbackCounter(3).signedBy(SigningKey.development());
        assertThat(host.request(Flasher.begin(v3))).isInstanceOf(Ack.class);
        assertThat(host.request(Flasher.chunks(v3).get(0))).isInstanceOf(Ack.class);
        host.request(new InjectFault(FaultKind.UNPLUG, 0, Duration.ZERO));
        assertThat(host.awaitClosed(HostEnd.WAIT)).isTrue();
        powerOff();

        powerOn(base.withNvm(NonVolatileMemory.directory(dir))); // a new memory object: what a restarted emulator reads
        assertRuns(new FirmwareVersion(2, 0, 0));
        IdentifyReply id = host.request(new Identify(), IdentifyReply.class);
        assertThat(id.capabilities().ciphers()).isEqualTo(Profiles.FPGA_AES.ciphers());
    }
}
