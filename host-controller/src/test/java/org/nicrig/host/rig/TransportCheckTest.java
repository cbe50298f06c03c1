package org.nicrig.host.rig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transport URIs are checked by the providers that will open them, without opening anything. */
class TransportCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "serial:/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10KXYZ1-if00-port0?baud=921600",
        "tcp://labhost:4001",
        "tcp://[::1]:4001?connectTimeout=3s",
        "usb:0403:6001",
        "emulated:fpga-aes?mac=02:00:00:00:00:01&seed=1&defects=IV_REUSE",
        "pty-emulator:82559-ipsec?mac=02:00:00:00:00:02&baud=115200",
        "pty-emulator:82559-plain?mac=02:00:00:00:00:03"})
    void wellFormedTransportsPass(String uri) {
        assertThat(TransportCheck.problem(uri)).isNull();
    }

    @Test
    void badTransportsSayWhatIsWrong() {
        assertThat(TransportCheck.problem("seiral:/dev/ttyUSB0")).isEqualTo("unknown transport scheme 'seiral' (did you mean serial?)");
        assertThat(TransportCheck.problem("serial:/dev/ttyUSB0?baud=fast")).contains("baud");
        assertThat(TransportCheck.problem("usb:403:6001")).contains("expected usb:VID:PID");
        assertThat(TransportCheck.problem("emulated:fpga-aes")).contains("needs mac=");
        assertThat(TransportCheck.problem("pty-emulator:fpga-aes?mac=02:00:00:00:00:01&baud=0"))
                .contains("parameter baud: expected a whole number from 50 to 4000000");
        assertThat(TransportCheck.problem("pty-emulator:fpga-aes?mac=02:00:00:00:00:01&parity=even"))
                .contains("unknown parameter 'parity'");
    }

    @Test
    void aPtyEmulatorTakesTheEmulatedDeviceParametersPlusBaudAndHub() {
        assertThat(TransportCheck.problem("pty-emulator:fpga-aes?mac=02:00:00:00:00:01&baud=9600&seed=3&speed=unlimited"
                + "&revision=2&defects=IV_REUSE&hub=udp:127.0.0.1:47000")).isNull();
        assertThat(TransportCheck.problem("pty-emulator:fpga-aes?mac=02:00:00:00:00:01&defects=NO_SUCH"))
                .contains("unknown defect 'NO_SUCH'");
        assertThat(TransportCheck.problem("pty-emulator:fpga-aes?mac=02:00:00:00:00:01&hub=127.0.0.1:47000"))
                .contains("parameter hub: expected udp:HOST:PORT");
        assertThat(TransportCheck.problem("pty-emulator:fpga-aes?mac=02:00:00:00:00:01&seed=-1"))
                .contains("parameter seed: expected a whole number from 0");
        assertThat(TransportCheck.emulatedMac("pty-emulator:fpga-aes?mac=02:00:00:00:00:01")).isEqualTo("02:00:00:00:00:01");
        assertThat(TransportCheck.emulatedMac("tcp://labhost:4001")).isNull();
    }
}
