package org.nicrig.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.firmware.NonVolatileMemory;
import org.nicrig.model.firmware.NvmState;
import org.nicrig.model.firmware.Slot;
import org.nicrig.model.server.SerialChannel;
import org.nicrig.model.testing.Flasher;
import org.nicrig.model.testing.HostEnd;
import org.nicrig.model.testing.ImageBuilder;
import org.nicrig.model.testing.PtyPair;
import org.nicrig.model.testing.SigningKey;
import org.nicrig.protocol.message.*;

/**
 * The emulator process killed (kill -9) in the middle of a flash, its memory in a directory
 * (nvm=DIR): restarted on the same directory it runs the firmware it ran before — here one
 * flashed and activated by the first process, so the directory is shown to carry it too.
 */
class FpgaEmuFlashKillTest {
    private static final SigningKey DEV = SigningKey.development();

    private static void hello(HostEnd host) throws Exception {
        assertThat(host.request(new Hello(1, 1), HelloReply.class).version()).isEqualTo(1);
    }

    @Test
    void killedMidFlashTheRestartedEmulatorRunsTheFirmwareItHadBefore(@TempDir Path tmp) throws Exception {
        Path nvm = tmp.resolve("nvm/nic0");
        byte[] v2 = ImageBuilder.forProfile(Profiles.FPGA_AES).version(2, 0, 0).rollbackCounter(2).signedBy(DEV);
        byte[] v3 = ImageBuilder.forProfile(Profiles.FPGA_AES).version(3, 0, 0).rollbackCounter(3)
                .payload(40_000, 9).signedBy(DEV);
        try (PtyPair pty = PtyPair.start()) {
            String device = "fpga-aes@serial:" + pty.a() + ",mac=02:00:00:00:00:41,nvm=" + nvm;
            try (FpgaEmuChild emu = FpgaEmuChild.start(tmp.resolve("stderr1.txt"), "--device", device, "--speed", "unlimited")) {
                assertThat(emu.firstLine()).as("stderr: %s", emu.stderr()).startsWith("fpga-aes 02:00:00:00:00:41 serving");
                try (HostEnd host = new HostEnd(SerialChannel.open(pty.b()))) {
                    hello(host);
                    List<Message> answers = Flasher.flash(r -> ask(host, r), v2);
                    assertThat(answers).allMatch(m -> m instanceof Ack);
                    assertThat(host.awaitEvent(DeviceReset.class, HostEnd.WAIT)).isEqualTo(new DeviceReset(ResetCause.FIRMWARE_ACTIVATE));
                    hello(host);
                    assertThat(host.request(new Identify(), IdentifyReply.class).firmware()).isEqualTo(new FirmwareVersion(2, 0, 0));

                    assertThat(host.request(Flasher.begin(v3))).isInstanceOf(Ack.class);
                    List<FwChunk> chunks = Flasher.chunks(v3);
                    for (FwChunk c : chunks.subList(0, chunks.size() / 2)) {
                        assertThat(host.request(c)).isInstanceOf(Ack.class);
                    }
                    emu.kill();
                }
            }
            NvmState left = NonVolatileMemory.directory(nvm).read().orElseThrow();
            assertThat(left.boot()).isEqualTo(Slot.B);
            assertThat(left.committed()).isFalse();

            try (FpgaEmuChild emu = FpgaEmuChild.start(tmp.resolve("stderr2.txt"), "--device", device, "--speed", "unlimited");
                 HostEnd host = new HostEnd(SerialChannel.open(pty.b()))) {
                assertThat(emu.firstLine()).as("stderr: %s", emu.stderr()).startsWith("fpga-aes 02:00:00:00:00:41 serving");
                hello(host);
                IdentifyReply id = host.request(new Identify(), IdentifyReply.class);
                assertThat(id.firmware()).isEqualTo(new FirmwareVersion(2, 0, 0));
                StatsReply stats = host.request(new GetStats(), StatsReply.class);
                assertThat(stats.get("fw_active_slot")).isEqualTo(Slot.B.number());
                assertThat(stats.get("fw_rollback_floor")).isEqualTo(2);
                assertThat(host.request(new FwActivate())).as("nothing committed survived the kill")
                        .isInstanceOfSatisfying(ErrorReply.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FW_NOT_STARTED));
            }
        }
    }

    private static Message ask(HostEnd host, Request r) {
        try {
            return host.request(r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
