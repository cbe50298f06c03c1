package org.nicrig.host.transport;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TransportUriTest {

    @Test
    void splitsSchemeTargetAndParameters() throws Exception {
        TransportUri u = TransportUri.parse("Serial:/dev/ttyUSB0?baud=115200&parity=even");

        assertThat(u.scheme()).isEqualTo("serial");
        assertThat(u.target()).isEqualTo("/dev/ttyUSB0");
        assertThat(u.params()).containsExactly(Map.entry("baud", "115200"), Map.entry("parity", "even"));
        assertThat(u.text()).isEqualTo("Serial:/dev/ttyUSB0?baud=115200&parity=even");
    }

    @Test
    void serialSettingsDefaultTo921600Baud8N1() throws Exception {
        SerialTransport t = SerialTransport.fromUri(TransportUri.parse("serial:/dev/ttyUSB0"));

        assertThat(t.settings()).isEqualTo(SerialSettings.DEFAULT);
        assertThat(t.settings().summary()).isEqualTo("921600 8N1");
        assertThat(t.name()).isEqualTo("serial:/dev/ttyUSB0");
    }

    @Test
    void serialSettingsComeFromTheParameters() throws Exception {
        SerialTransport t = SerialTransport.fromUri(TransportUri.parse(
                "serial:/dev/ttyS1?baud=9600&databits=7&parity=ODD&stopbits=1.5&flow=xonxoff&readTimeout=2s"));

        assertThat(t.settings()).isEqualTo(new SerialSettings(9600, 7, SerialSettings.Parity.ODD,
                SerialSettings.StopBits.ONE_POINT_FIVE, SerialSettings.FlowControl.XON_XOFF, Duration.ofSeconds(2)));
        assertThat(t.settings().summary()).isEqualTo("9600 7O1.5 xonxoff");
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @CsvSource(delimiter = '|', textBlock = """
            ''                              | bad transport URI '': expected SCHEME:TARGET, e.g. serial:/dev/ttyUSB0?baud=921600 or tcp://localhost:4001
            /dev/ttyUSB0                    | bad transport URI '/dev/ttyUSB0': expected SCHEME:TARGET, e.g. serial:/dev/ttyUSB0?baud=921600 or tcp://localhost:4001
            seral:/dev/ttyUSB0              | bad transport URI 'seral:/dev/ttyUSB0': unknown scheme 'seral', expected one of serial, tcp, usb; e.g. serial:/dev/ttyUSB0?baud=921600 or tcp://localhost:4001
            serial:dev/ttyUSB0              | bad transport URI 'serial:dev/ttyUSB0': expected an absolute device path, e.g. serial:/dev/ttyUSB0?baud=921600
            serial:/dev/x?baud=fast         | bad transport URI 'serial:/dev/x?baud=fast': parameter baud: expected a whole number from 50 to 20000000, found 'fast'
            serial:/dev/x?databits=9        | bad transport URI 'serial:/dev/x?databits=9': parameter databits: expected a whole number from 5 to 8, found '9'
            serial:/dev/x?parity=e          | bad transport URI 'serial:/dev/x?parity=e': parameter parity: expected one of none, odd, even, mark, space, found 'e'
            serial:/dev/x?stopbits=3        | bad transport URI 'serial:/dev/x?stopbits=3': parameter stopbits: expected one of 1, 1.5, 2, found '3'
            serial:/dev/x?flow=hw           | bad transport URI 'serial:/dev/x?flow=hw': parameter flow: expected one of none, rtscts, xonxoff, found 'hw'
            serial:/dev/x?readTimeout=5     | bad transport URI 'serial:/dev/x?readTimeout=5': parameter readTimeout: expected a duration such as 250ms or 2s, found '5'
            serial:/dev/x?baudrate=9600     | bad transport URI 'serial:/dev/x?baudrate=9600': unknown parameter 'baudrate' for serial (known: baud, databits, flow, parity, readTimeout, stopbits)
            serial:/dev/x?baud=1&baud=2     | bad transport URI 'serial:/dev/x?baud=1&baud=2': parameter baud is given twice
            serial:/dev/x?baud              | bad transport URI 'serial:/dev/x?baud': expected parameters as key=value joined by '&', found 'baud'
            tcp://rig1                      | bad transport URI 'tcp://rig1': expected tcp://HOST:PORT (IPv6 in brackets: tcp://[::1]:4001), e.g. tcp://localhost:4001
            tcp:rig1:4001                   | bad transport URI 'tcp:rig1:4001': expected tcp://HOST:PORT (IPv6 in brackets: tcp://[::1]:4001), e.g. tcp://localhost:4001
            tcp://::1:4001                  | bad transport URI 'tcp://::1:4001': expected tcp://HOST:PORT (IPv6 in brackets: tcp://[::1]:4001), e.g. tcp://localhost:4001
            tcp://rig1:70000                | bad transport URI 'tcp://rig1:70000': port: expected a number from 1 to 65535, found '70000'
            tcp://rig1:http                 | bad transport URI 'tcp://rig1:http': port: expected a number from 1 to 65535, found 'http'
            tcp://rig1:4001?timeout=1s      | bad transport URI 'tcp://rig1:4001?timeout=1s': unknown parameter 'timeout' for tcp (known: connectTimeout, readTimeout)
            tcp://rig1:4001?connectTimeout=0ms | bad transport URI 'tcp://rig1:4001?connectTimeout=0ms': parameter connectTimeout: expected a duration above zero, found '0'
            usb:0403                        | bad transport URI 'usb:0403': expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001
            emulated:nic82559?mac=02:00:00:00:00:01 | bad transport URI 'emulated:nic82559?mac=02:00:00:00:00:01': unknown scheme 'emulated', expected one of serial, tcp, usb; e.g. serial:/dev/ttyUSB0?baud=921600 or tcp://localhost:4001
            """)
    void badUriSaysWhatWasExpected(String uri, String message) {
        TransportException e = catchThrowableOfType(TransportException.class, () -> Transports.create(uri));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.BAD_URI);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.transport()).isEqualTo(uri);
    }

    @Test
    void wellFormedUsbAddressMakesAUsbTransport() throws Exception {
        Transport t = Transports.create("usb:0403:6001/A10K3X2B");

        assertThat(t).isInstanceOf(UsbTransport.class);
        assertThat(t.name()).isEqualTo("usb:0403:6001/A10K3X2B");
        assertThat(t.isOpen()).isFalse();
    }

    @Test
    void tcpAcceptsNamesAddressesAndBracketedIpv6() throws Exception {
        assertThat(Transports.create("tcp://rig-1.lab:4001").name()).isEqualTo("tcp://rig-1.lab:4001");
        assertThat(Transports.create("tcp://10.0.0.7:2001/").name()).isEqualTo("tcp://10.0.0.7:2001");
        assertThat(Transports.create("tcp://[fe80::1]:4001?connectTimeout=250ms").name()).isEqualTo("tcp://[fe80::1]:4001");
    }

    @Property
    void everyTcpPortInRangeIsAccepted(@ForAll @IntRange(min = 1, max = 65_535) int port) throws Exception {
        assertThat(Transports.create("tcp://localhost:" + port).name()).isEqualTo("tcp://localhost:" + port);
    }

    @Property
    void everyTcpPortOutOfRangeIsRejected(@ForAll int port) {
        Assume.that(port < 1 || port > 65_535);
        TransportException e = catchThrowableOfType(TransportException.class,
                () -> Transports.create("tcp://localhost:" + port));
        assertThat(e.reason()).isEqualTo(TransportException.Reason.BAD_URI);
    }

    @Test
    void messagesStayOnOneLine() {
        TransportException e = new TransportException("serial:/dev/x", TransportException.Reason.IO, "first\nsecond\r\n");
        assertThat(e.getMessage()).isEqualTo("serial:/dev/x: first second");
    }
}
