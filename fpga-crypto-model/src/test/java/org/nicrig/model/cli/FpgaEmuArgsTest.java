package org.nicrig.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.model.server.TcpChannel;
import org.nicrig.model.testing.HostEnd;
import org.nicrig.protocol.message.Hello;
import org.nicrig.protocol.message.HelloReply;
import org.nicrig.protocol.message.Identify;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.MacAddress;
import picocli.CommandLine;

/** fpga-emu in this JVM through picocli: argument errors, start failures, and a TCP run stopped by stop(). */
class FpgaEmuArgsTest {

    record Run(int exit, String out, String err) {
        /** The one error line, checked to be one line, prefixed, and free of stack frames. */
        String error() {
            assertThat(err.lines().count()).as("one line: <%s>", err).isEqualTo(1);
            assertThat(err).startsWith("fpga-emu: ").doesNotContain("\tat ").doesNotContain("Exception");
            return err.strip();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = FpgaEmu.commandLine(new FpgaEmu());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void usage(String expectedPart, String... args) {
        Run r = run(args);
        assertThat(r.exit()).as("exit for %s", String.join(" ", args)).isEqualTo(FpgaEmu.EXIT_USAGE);
        assertThat(r.error()).contains(expectedPart).endsWith("(see fpga-emu --help)");
    }

    @Test
    void misspeltNamesAreUsageErrorsWithASuggestion() {
        usage("unknown profile 'fpga-as' (did you mean fpga-aes?)", "--device", "fpga-as@tcp:0");
        usage("unknown defect 'IV_RESUE' (did you mean IV_REUSE?)", "--device", "fpga-aes@tcp:0,defects=IV_RESUE");
        usage("unknown key 'sead' (did you mean seed?)", "--device", "fpga-aes@tcp:0,sead=3");
        usage("Unknown options: '--sped', '2' (did you mean --speed?)", "--device", "fpga-aes@tcp:0", "--sped", "2");
    }

    @Test
    void malformedValuesAreUsageErrorsNamingTheValue() {
        usage("not a MAC address", "--device", "fpga-aes@tcp:0,mac=02:00:00");
        usage("unknown endpoint 'usb:1'", "--device", "fpga-aes@usb:1");
        usage("port 70000", "--device", "fpga-aes@tcp:70000");
        usage("must be an absolute path", "--device", "fpga-aes@serial:pts/3");
        usage("revision 300 is outside 0..255", "--device", "fpga-aes@tcp:0,revision=300");
        usage("speed 'fast' is neither a number nor 'unlimited'", "--device", "fpga-aes@tcp:0", "--speed", "fast");
        usage("speed must be a number above 0", "--device", "fpga-aes@tcp:0", "--speed", "0");
        usage("must look like udp:127.0.0.1:9000", "--device", "fpga-aes@tcp:0", "--hub", "127.0.0.1:9000");
        usage("a peer needs both mac= and ip=", "--device", "fpga-aes@tcp:0", "--peer", "mac=02:00:00:00:01:01");
    }

    @Test
    void inconsistentOptionsAreUsageErrors() {
        usage("at least one --device is needed");
        usage("has no endpoint", "--device", "fpga-aes");
        usage("single --device without @ENDPOINT", "--device", "fpga-aes", "--device", "82559-plain", "--tcp", "4001");
        usage("single --device without @ENDPOINT", "--device", "fpga-aes@tcp:0", "--serial", "/dev/pts/3");
        usage("--serial and --tcp both given", "--device", "fpga-aes", "--serial", "/dev/pts/3", "--tcp", "4001");
        usage("two devices have MAC 02:00:00:00:00:01", "--device", "fpga-aes@tcp:0",
                "--device", "fpga-aes@tcp:0,mac=02:00:00:00:00:01");
        usage("two devices on tcp:127.0.0.1:4001", "--device", "fpga-aes@tcp:4001", "--device", "82559-plain@tcp:4001");
        usage("give one of them", "--device", "fpga-aes@tcp:0", "--hub", "udp:127.0.0.1:9000",
                "--serve-hub", "udp:127.0.0.1:9001");
    }

    @Test
    void helpExitsZeroAndListsProfilesAndDefects() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: fpga-emu --device SPEC...")
                .contains("Profiles: 82559-ipsec, 82559-plain, fpga-aes")
                .contains("DROP_EVERY_NTH_JOB").contains("Exit status");
    }

    @Test
    void aMissingSerialPortFailsToStartWithOneLine(@TempDir Path dir) {
        Path missing = dir.resolve("pts-gone");
        Run r = run("--device", "fpga-aes@serial:" + missing);
        assertThat(r.exit()).isEqualTo(FpgaEmu.EXIT_START_FAILED);
        assertThat(r.error()).isEqualTo("fpga-emu: serial:" + missing + ": port does not exist");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBusyTcpPortFailsToStartAndWhatStartedBeforeIsClosedAgain() throws IOException {
        int earlier = freePort();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = run("--device", "fpga-aes@tcp:" + earlier, "--device", "82559-plain@tcp:" + busy.getLocalPort());
            assertThat(r.exit()).isEqualTo(FpgaEmu.EXIT_START_FAILED);
            assertThat(r.error()).startsWith("fpga-emu: tcp:127.0.0.1:" + busy.getLocalPort() + ": cannot listen: ")
                    .contains("in use");
            assertThat(r.out()).contains("serving tcp:127.0.0.1:" + earlier);
        }
        try (ServerSocket again = new ServerSocket(earlier, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the first device's port was released").isEqualTo(earlier);
        }
    }

    @Test
    void noHubAndAnUnwritableCaptureFailToStart(@TempDir Path dir) throws IOException {
        Run noHub = run("--device", "fpga-aes@tcp:0", "--hub", "udp:127.0.0.1:" + freeUdpPort());
        assertThat(noHub.exit()).isEqualTo(FpgaEmu.EXIT_START_FAILED);
        assertThat(noHub.error()).contains(": no hub");
        Path pcap = dir.resolve("no-such-dir").resolve("x.pcap");
        Run noPcap = run("--device", "fpga-aes@tcp:0", "--pcap", pcap.toString());
        assertThat(noPcap.exit()).isEqualTo(FpgaEmu.EXIT_START_FAILED);
        assertThat(noPcap.error()).isEqualTo("fpga-emu: " + pcap + ": cannot create capture file (no such directory)");
    }

    @Test
    void aBadMemoryDirectoryOrKeyFileFailsToStartNamingIt(@TempDir Path dir) throws IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("file"), "x");
        Run notDir = run("--device", "fpga-aes@tcp:0,nvm=" + file);
        assertThat(notDir.exit()).isEqualTo(FpgaEmu.EXIT_START_FAILED);
        assertThat(notDir.error()).isEqualTo("fpga-emu: " + file + ": not a directory (nvm= names the directory where the"
                + " device keeps its memory)");
        Path noKey = dir.resolve("lab.pub");
        Run missingKey = run("--device", "fpga-aes@tcp:0,trusted-key=" + noKey);
        assertThat(missingKey.exit()).isEqualTo(FpgaEmu.EXIT_START_FAILED);
        assertThat(missingKey.error()).startsWith("fpga-emu: " + noKey + ": cannot read the trusted key");
        usage("trusted-key= needs a path", "--device", "fpga-aes@tcp:0,trusted-key=");
        usage("unknown key 'nvn' (did you mean nvm?)", "--device", "fpga-aes@tcp:0,nvn=/tmp/x");
    }

    @Test
    void nvmAndTrustedKeyGoIntoTheDevicesConfig(@TempDir Path dir) throws Exception {
        org.nicrig.model.testing.SigningKey lab = org.nicrig.model.testing.SigningKey.generate(5);
        Path pub = java.nio.file.Files.writeString(dir.resolve("lab.pub"), lab.publicPem());
        Path nvm = dir.resolve("nic1");
        DeviceSpec spec = DeviceSpec.parse("fpga-aes@tcp:0,nvm=" + nvm + ",trusted-key=" + pub);
        org.nicrig.model.device.DeviceConfig c = spec.toConfig(1, 1);
        assertThat(c.trustedKey()).isEqualTo(lab.publicKey());
        assertThat(c.nvm().toString()).isEqualTo("nvm " + nvm);
        assertThat(nvm).isDirectory();
        org.nicrig.model.device.DeviceConfig plain = DeviceSpec.parse("fpga-aes@tcp:0").toConfig(1, 1);
        assertThat(plain.trustedKey()).isEqualTo(org.nicrig.model.firmware.TrustedKey.DEVELOPMENT);
        assertThat(plain.nvm().toString()).isEqualTo("nvm in memory");
    }

    @Test
    void servesDevicesOnTcpWithDefaultMacsUntilStopped() throws Exception {
        FpgaEmu emu = new FpgaEmu();
        StringWriter out = new StringWriter();
        CommandLine cmd = FpgaEmu.commandLine(emu);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute(
                "--device", "fpga-aes@tcp:0", "--device", "82559-ipsec@tcp:0,defects=MAC_NOT_RESTORED,seed=9",
                "--speed", "unlimited", "--peer", "mac=02:00:00:00:01:01,ip=192.0.2.1"));
        try {
            Pattern serving = Pattern.compile("82559-ipsec (\\S+) serving tcp:127\\.0\\.0\\.1:(\\d+)");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Matcher m = serving.matcher(out.toString());
            while (!m.find()) {
                assertThat(System.nanoTime()).as("started; said: %s", out).isLessThan(deadline);
                Thread.sleep(10);
                m = serving.matcher(out.toString());
            }
            assertThat(out.toString()).contains("fpga-aes 02:00:00:00:00:01 serving tcp:127.0.0.1:")
                    .contains("peer 192.0.2.1 02:00:00:00:01:01 echoing UDP");
            assertThat(m.group(1)).isEqualTo("02:00:00:00:00:02");
            try (HostEnd host = new HostEnd(new TcpChannel(new Socket("127.0.0.1", Integer.parseInt(m.group(2)))))) {
                assertThat(host.request(new Hello(1, 1), HelloReply.class).version()).isEqualTo(1);
                assertThat(host.request(new Identify(), IdentifyReply.class).mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:02"));
            }
            assertThat(emu.emulator().devices().get(1).config().defects().active())
                    .containsExactly(org.nicrig.model.defect.Defect.MAC_NOT_RESTORED);
            assertThat(emu.emulator().devices().get(1).config().seed()).isEqualTo(9);
        } finally {
            emu.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
