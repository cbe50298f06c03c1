package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.nicrig.host.lab.PtyPair;
import org.nicrig.host.transport.Transport;
import org.nicrig.host.transport.Transports;

/** --rig/--device/--transport: how a device command picks its one device, and how it says it cannot. */
class DeviceTargetTest {
    static final String RIG = ProbeCommandTest.EMULATED.toString();

    private static void assertOneLine(Cli.Result r) {
        assertThat(r.err().lines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aDeviceOfTheRigIsFoundByName() {
        Cli.Result r = Cli.run("reg", "read", "--rig", RIG, "--device", "ipsec1", "0");
        assertThat(r.status()).as(r.toString()).isZero();
        // 82559: device id 0x1229 << 16 | Intel's vendor id 0x8086 (fpga-crypto-model Registers.ID)
        assertThat(r.out()).isEqualTo("ipsec1: register 0x00000000 = 0x12298086 (304709766)\n");
    }

    @Test
    void anUnknownDeviceIsOneLineWithTheNearestNameAndTheList() {
        Cli.Result r = Cli.run("reg", "read", "--rig", RIG, "--device", "fpga", "0");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertOneLine(r);
        assertThat(r.err()).isEqualTo("nicrig reg read: unknown device 'fpga' in " + RIG
                + " (did you mean fpga1?); its devices: fpga1, ipsec1, plain1 (see nicrig reg read --help)\n");
    }

    @Test
    void aRigOfSeveralDevicesNeedsTheName() {
        Cli.Result r = Cli.run("eeprom", "check", "--rig", RIG);
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertOneLine(r);
        assertThat(r.err()).contains("which device?").contains("fpga1, ipsec1, plain1").contains("--transport URI");
    }

    @Test
    void aTransportUriReachesADeviceWithoutARig() {
        Cli.Result r = Cli.run("reg", "read", "--transport", "emulated:fpga-aes?mac=02:00:00:00:00:09", "0");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("fpga-aes: register 0x00000000 = 0xe0011172 (3758166386)\n");
    }

    @Test
    void aTransportAndARigDeviceTogetherAreAUsageError() {
        Cli.Result r = Cli.run("reg", "read", "--transport", "emulated:fpga-aes?mac=02:00:00:00:00:09",
                "--device", "fpga1", "0");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertOneLine(r);
        assertThat(r.err()).contains("--transport names the device itself");
    }

    @Test
    void aBadTransportUriIsAUsageError() {
        Cli.Result r = Cli.run("reg", "read", "--transport", "emulated:fpga-aes", "0");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertOneLine(r);
        assertThat(r.err()).isEqualTo("nicrig: bad transport URI 'emulated:fpga-aes': an emulated device needs mac=XX:XX:XX:XX:XX:XX\n");
    }

    @Test
    void nothingListeningIsTheTransportsOneLineAndExitOne() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Cli.Result r = Cli.run("eeprom", "read", "--transport", "tcp://127.0.0.1:" + closedPort);
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertOneLine(r);
        assertThat(r.err()).startsWith("nicrig: tcp://127.0.0.1:" + closedPort + ": ").contains("refused");
    }

    @Test
    void aMissingSerialPortIsNotFound() {
        Cli.Result r = Cli.run("reg", "read", "--transport", "serial:/dev/ttyNICRIG-NONE", "0");
        assertThat(r.status()).isEqualTo(ExitCode.FAILED);
        assertOneLine(r);
        assertThat(r.err()).startsWith("nicrig: serial:/dev/ttyNICRIG-NONE: ").contains("does not exist");
    }

    @Test
    void aBusySerialPortSaysSo() throws Exception {
        try (PtyPair pty = PtyPair.start(); Transport holder = Transports.create(pty.uriA())) {
            holder.open();
            Cli.Result r = Cli.run("eeprom", "check", "--transport", pty.uriA());
            assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
            assertOneLine(r);
            assertThat(r.err()).isEqualTo("nicrig: " + pty.uriA() + ": port is busy: already open in this process\n");
        }
    }

    @Test
    void everyDeviceCommandHasHelpWithTheTargetOptionsAndTheExitStatuses() {
        for (String[] command : new String[][] {{"eeprom", "read"}, {"eeprom", "check"}, {"eeprom", "write"},
                {"reg", "read"}, {"reg", "write"}, {"fw", "flash"}}) {
            Cli.Result help = Cli.run(command[0], command[1], "--help");
            String name = "nicrig " + command[0] + " " + command[1];
            assertThat(help.status()).as(name).isZero();
            assertThat(help.out()).as(name).startsWith("Usage: " + name).contains("--rig=RIG").contains("--device=NAME")
                    .contains("--transport=URI").contains("--nvm-dir=DIR").contains("Exit status: 0");
        }
        assertThat(Cli.run("fw", "--help").out()).contains("flash");
        Cli.Result bare = Cli.run("eeprom");
        assertThat(bare.status()).isEqualTo(ExitCode.USAGE);
        assertThat(bare.err()).startsWith("nicrig eeprom: missing command (read, check or write)\n");
    }
}
