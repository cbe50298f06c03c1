package org.nicrig.host.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code usb:VID:PID[/SERIAL]?params}: what parses, into what, and the BAD_URI wording of what does not. */
class UsbUriTest {

    @Test
    void idsAndSerialAreReadAndTheNameIsNormalisedToLowerCaseHex() throws Exception {
        UsbTransport t = (UsbTransport) Transports.create("usb:ABCD:EF01/Board-7_x.1");

        assertThat(t.address()).isEqualTo(new UsbAddress(0xABCD, 0xEF01, Optional.of("Board-7_x.1")));
        assertThat(t.name()).isEqualTo("usb:abcd:ef01/Board-7_x.1");
        assertThat(t.settings()).isEqualTo(UsbSettings.DEFAULT);
        assertThat(t.toString()).isEqualTo("usb:abcd:ef01/Board-7_x.1 interface auto, timeout 1000 ms");
    }

    @Test
    void parametersSetInterfaceAndTimeouts() throws Exception {
        UsbTransport t = (UsbTransport) Transports.create("usb:1209:0001?interface=2&timeout=250ms&readTimeout=2s");

        assertThat(t.address().serial()).isEmpty();
        assertThat(t.settings()).isEqualTo(new UsbSettings(OptionalInt.of(2), Duration.ofMillis(250), Duration.ofSeconds(2)));
    }

    @Test
    void theStandardRegistryServesUsbWithTheUsbTransport() throws Exception {
        assertThat(TransportRegistry.standard().create("usb:1209:0001")).isInstanceOf(UsbTransport.class);
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @CsvSource(delimiter = '|', textBlock = """
            usb:0403                          | expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001
            usb:403:6001                      | expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001
            usb:0403:60012                    | expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001
            usb:04g3:6001                     | expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001
            usb:0403-6001                     | expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001
            usb://0403:6001                   | expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001
            usb:0403:6001/                    | expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001
            usb:0403:6001/a/b                 | expected usb:VID:PID or usb:VID:PID/SERIAL with 4 hex digits each, e.g. usb:0403:6001
            usb:0403:6001?interface=256       | parameter interface: expected a whole number from 0 to 255, found '256'
            usb:0403:6001?interface=one       | parameter interface: expected a whole number from 0 to 255, found 'one'
            usb:0403:6001?timeout=0ms         | parameter timeout: expected a duration above zero, found '0'
            usb:0403:6001?timeout=5           | parameter timeout: expected a duration such as 250ms or 2s, found '5'
            usb:0403:6001?readTimeout=soon    | parameter readTimeout: expected a duration such as 250ms or 2s, found 'soon'
            usb:0403:6001?iface=1             | unknown parameter 'iface' for usb (known: interface, readTimeout, timeout)
            """)
    void badUsbUrisSayWhatWasExpected(String uri, String expected) {
        TransportException e = catchThrowableOfType(TransportException.class, () -> Transports.create(uri));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.BAD_URI);
        assertThat(e.getMessage()).isEqualTo("bad transport URI '" + uri + "': " + expected);
    }

    @Property
    void everyVidPidPairParsesBackToItself(@ForAll @IntRange(min = 0, max = 0xFFFF) int vid,
                                          @ForAll @IntRange(min = 0, max = 0xFFFF) int pid) throws Exception {
        String text = String.format("usb:%04X:%04x", vid, pid);

        UsbTransport t = (UsbTransport) Transports.create(text);

        assertThat(t.address().vendorId()).isEqualTo(vid);
        assertThat(t.address().productId()).isEqualTo(pid);
        assertThat(t.name()).isEqualTo(text.toLowerCase(java.util.Locale.ROOT));
    }
}
