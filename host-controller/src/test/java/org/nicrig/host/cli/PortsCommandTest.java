package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** nicrig ports: the serial ports jSerialComm sees, then the USB section from the seam. */
class PortsCommandTest {

    @Test
    void listsSerialPortsUnderTheHeaderThenUsb() {
        Cli.Result r = Cli.run("ports");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("SERIAL PORT ").contains("DESCRIPTION").contains("VID:PID")
                .contains("SERIAL NUMBER").containsPattern("USB \\(libusb\\): \\d+ device\\(s\\)\n");
    }

    @Test
    void usbSectionComesFromTheSeam() {
        Cli.Result r = Cli.run(Seams.PRODUCTION.withUsb(out -> out.println("USB:\n  0403:6001 FTDI FT232R")), "ports");
        assertThat(r.out()).endsWith("USB:\n  0403:6001 FTDI FT232R\n");
    }

    @Test
    void usbListingThatFailsIsOneLineNotACrash() {
        Cli.Result r = Cli.run(Seams.PRODUCTION.withUsb(out -> {
            throw new IllegalStateException("libusb: access denied");
        }), "ports");
        assertThat(r.status()).isZero();
        assertThat(r.out()).endsWith("USB: cannot list devices: libusb: access denied\n");
    }

    @Test
    void usbPortsShowVidPidAsLsusbWritesItAndUnknownsAsDashes() {
        String table = PortsCommand.format(List.of(
                new SerialPortInfo("/dev/ttyUSB0", "FT232R USB UART", 0x0403, 0x6001, "A10K3ZQ2"),
                new SerialPortInfo("/dev/ttyS0", "Physical Port S0", -1, -1, "Unknown")));
        assertThat(table.lines()).containsExactly(
                "SERIAL PORT   DESCRIPTION       VID:PID    SERIAL NUMBER",
                "/dev/ttyUSB0  FT232R USB UART   0403:6001  A10K3ZQ2",
                "/dev/ttyS0    Physical Port S0  -          -");
    }

    @Test
    void noPortsSaysSo() {
        assertThat(PortsCommand.format(List.of())).isEqualTo(
                "SERIAL PORT  DESCRIPTION  VID:PID  SERIAL NUMBER\n(no serial ports found)\n");
    }
}
