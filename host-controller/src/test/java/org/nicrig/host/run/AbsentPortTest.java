package org.nicrig.host.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.report.JournalOptions;
import org.nicrig.host.report.PcapSet;
import org.nicrig.host.report.RunInfo;
import org.nicrig.host.report.RunJournal;
import org.nicrig.host.report.RunVerdict;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigLoader;
import org.nicrig.host.team.TeamEvent;
import org.nicrig.model.device.Device;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.server.DeviceServer;
import org.nicrig.model.server.SerialChannel;
import org.nicrig.protocol.message.MacAddress;

/**
 * A serial port that vanishes (the adapter pulled, or re-enumerating) is a state, not a crash: the
 * member is gone, its port is tried again with back-off, and when the port returns the member is
 * admitted again. Real parts: socat ptys with fixed link names, jSerialComm on the host side, the
 * device model served on the other end.
 */
class AbsentPortTest {
    @TempDir
    Path dir;

    private Process socat;
    private DeviceServer server;

    @AfterEach
    void cleanUp() {
        if (server != null) {
            server.close();
        }
        if (socat != null) {
            socat.destroyForcibly();
        }
    }

    private void cablePluggedIn() throws Exception {
        Files.deleteIfExists(dir.resolve("host"));
        Files.deleteIfExists(dir.resolve("dev"));
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + dir.resolve("dev"), "pty,raw,echo=0,link=" + dir.resolve("host"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(dir.resolve("dev")) && Files.exists(dir.resolve("host"))) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(dir.resolve("host")).exists();
        Device device = new Device(DeviceConfig.of(Profiles.FPGA_AES, MacAddress.parse("02:00:00:00:00:01"))
                .withSpeed(Double.POSITIVE_INFINITY), null);
        server = new DeviceServer(device, SerialChannel.open(dir.resolve("dev"))).start();
    }

    private void cablePulled() throws InterruptedException {
        server.close();
        server.device().close();
        server = null;
        socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Test
    void aMemberWhosePortVanishesIsReadmittedWhenItReturns() throws Exception {
        cablePluggedIn();
        String rigText = Files.readString(Path.of("../rigs/emulated.yaml"))
                .replace("emulated:fpga-aes?mac=02:00:00:00:00:01&seed=1", "serial:" + dir.resolve("host") + "?baud=921600");
        Rig rig = RigLoader.load(Files.writeString(dir.resolve("rig.yaml"), rigText));
        RunJournal journal = RunJournal.start(dir.resolve("out"), RunInfo.of("absent-port", rig.name(), 1), JournalOptions.DEFAULT);
        try (PcapSet pcaps = PcapSet.open(dir.resolve("out"));
             RigRuntime rt = RigRuntime.start(rig, rig.team(), 1, journal, pcaps, new Stats("run", null), ProgressListener.NONE)) {
            assertThat(rt.team.snapshot().get().member("fpga1").alive()).isTrue();

            cablePulled();
            awaitEvent(rt, TeamEvent.MemberGone.class, 1);
            Thread.sleep(3 * RigRuntime.FIRST_RETRY_MILLIS); // it tries, and the port is not there
            assertThat(rt.team.snapshot().get().member("fpga1").alive()).isFalse();

            cablePluggedIn();
            awaitEvent(rt, TeamEvent.MemberAdmitted.class, 2);
            awaitEvent(rt, TeamEvent.SasInstalled.class, 2); // make before break: SAs before any work
            var fpga1 = rt.team.snapshot().get().member("fpga1");
            assertThat(fpga1.alive()).isTrue();
            assertThat(fpga1.engineHealthy()).as("self-tested again on its way back").isTrue();
            assertThat(fpga1.sasInstalled()).isPositive();
        } finally {
            journal.finish(RunVerdict.PASS, "");
        }
    }

    private static void awaitEvent(RigRuntime rt, Class<? extends TeamEvent> type, long count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rt.events.stream().filter(type::isInstance)
                .filter(e -> !(e instanceof TeamEvent.MemberAdmitted a) || a.member().equals("fpga1"))
                .filter(e -> !(e instanceof TeamEvent.MemberGone g) || g.member().equals("fpga1"))
                .filter(e -> !(e instanceof TeamEvent.SasInstalled i) || i.member().equals("fpga1")).count() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + type.getSimpleName() + " #" + count + " within 20 s; events " + rt.events);
            }
            Thread.sleep(20);
        }
    }
}
