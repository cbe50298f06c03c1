package org.nicrig.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspSa;
import org.nicrig.model.server.SerialChannel;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.HostEnd;
import org.nicrig.model.testing.PtyPair;
import org.nicrig.model.testing.Sas;
import org.nicrig.protocol.message.*;

/**
 * fpga-emu as a user runs it: its own JVM serving a device on one end of a socat pty pair, the
 * test as the host on the other end (jSerialComm through SerialChannel, the real codec), then
 * SIGTERM: exit status 0 and no process left behind. socat and the emulator are killed whatever
 * happens.
 */
class FpgaEmuProcessTest {

    private static String classpath() throws IOException {
        return FpgaEmuChild.classpath();
    }

    @Test
    void servesASerialPtyAndExitsZeroOnSigterm(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process emu = null;
        try (PtyPair pty = PtyPair.start()) {
            Path stderr = dir.resolve("stderr.txt");
            emu = new ProcessBuilder(java, "-cp", classpath(), FpgaEmu.class.getName(),
                    "--device", "fpga-aes@serial:" + pty.a() + ",mac=02:00:00:00:00:31", "--speed", "unlimited")
                    .redirectError(stderr.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(emu.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            });
            String line = firstLine.get(30, TimeUnit.SECONDS);
            assertThat(line).as("stderr: %s", Files.exists(stderr) ? Files.readString(stderr) : "")
                    .isEqualTo("fpga-aes 02:00:00:00:00:31 serving serial:" + pty.a());

            try (HostEnd host = new HostEnd(SerialChannel.open(pty.b()))) {
                assertThat(host.request(new Hello(1, 1), HelloReply.class).version()).isEqualTo(1);
                IdentifyReply id = host.request(new Identify(), IdentifyReply.class);
                assertThat(id.mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:31"));
                assertThat(id.eepromChecksumOk()).isTrue();
                SelfTest probe = new SelfTest(Cipher.AES_128_GCM_16, Integrity.NONE, KeyBytes.of(new byte[20]), KeyBytes.NONE,
                        Bytes.wrap(new byte[8]), Bytes.wrap(new byte[32]));
                assertThat(host.request(probe, SelfTestReply.class).output().toArray()).isEqualTo(EspProcessor.secure()
                        .selfTest(probe.cipher(), probe.integrity(), probe.key(), probe.authKey(), new byte[8], new byte[32]).output());
                SaParams[] sa = Sas.aes(0x5EED, 4);
                assertThat(host.request(new SaAdd(1, sa[0]))).isEqualTo(new Ack(MessageType.SA_ADD));
                byte[] packet = Addresses.udpToPeer("across a pty");
                JobResult r = host.request(EncryptJob.returning(42, 1, Bytes.wrap(packet)), JobResult.class);
                assertThat(r.status()).isEqualTo(JobStatus.OK);
                assertThat(EspProcessor.secure().decrypt(EspSa.create(sa[1]), r.output().toArray()).output()).isEqualTo(packet);
                assertThat(host.errors()).isEmpty();
            }

            List<ProcessHandle> family = emu.descendants().toList();
            emu.destroy(); // SIGTERM
            assertThat(emu.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(emu.exitValue()).as("stderr: %s", Files.readString(stderr)).isZero();
            assertThat(family).noneMatch(ProcessHandle::isAlive);
            assertThat(ProcessHandle.of(emu.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(Files.readString(stderr)).doesNotContain("Exception");
            assertThat(pty.isAlive()).as("the emulator closing its end left socat running").isTrue();
        } finally {
            if (emu != null && emu.isAlive()) {
                emu.descendants().forEach(ProcessHandle::destroyForcibly);
                emu.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
