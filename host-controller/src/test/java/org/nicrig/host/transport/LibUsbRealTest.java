package org.nicrig.host.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.usb4java.Context;
import org.usb4java.DeviceList;
import org.usb4java.LibUsb;

/**
 * The real libusb (the copy inside usb4java's jar), with whatever devices this machine has — in CI
 * none. What libusb does here is asserted as it is, not assumed: if it cannot start, the typed
 * error is what is checked.
 */
class LibUsbRealTest {

    /** The name nicrig's monitor gives its libusb event thread. */
    private static final String EVENT_THREAD = "libusb-events 1209:0001";

    @Test
    void portListIsWhatLibusbEnumeratesOrATypedError() throws Exception {
        List<UsbPortInfo> ports;
        try {
            ports = UsbPorts.list();
        } catch (TransportException e) {
            // libusb could not be loaded or started here: the message must be the typed one-liner
            assertThat(e.reason()).isIn(TransportException.Reason.UNSUPPORTED, TransportException.Reason.IO);
            assertThat(e.getMessage()).matches("usb: libusb (is not available for .*|could not start \\(libusb_init: LIBUSB_ERROR_[A-Z_]+\\))");
            System.out.println("libusb unavailable here: " + e.getMessage());
            return;
        }
        int counted = countWithFreshContext();
        System.out.println("libusb " + LibUsbBackend.shared("usb").libusbVersion() + " sees " + ports.size()
                + " device(s); /dev/bus/usb " + (Files.isDirectory(Path.of("/dev/bus/usb")) ? "exists" : "absent")
                + "; hotplug capability " + LibUsb.hasCapability(LibUsb.CAP_HAS_HOTPLUG));
        ports.forEach(p -> System.out.println("  " + p.describe()));

        assertThat(ports).hasSize(counted);
        for (UsbPortInfo p : ports) {
            assertThat(p.vendorId()).isBetween(0, 0xFFFF);
            assertThat(p.bus()).isPositive();
            assertThat(p.describe()).startsWith(p.uri() + " bus " + p.bus() + " address " + p.address());
        }
        if (!Files.exists(Path.of("/dev/bus/usb")) && !Files.exists(Path.of("/sys/bus/usb"))) {
            // a container with neither usbfs nor sysfs USB: libusb starts but can find nothing
            assertThat(ports).isEmpty();
        }
    }

    /** libusb's own count on a context of its own, to check the list against. */
    private static int countWithFreshContext() {
        Context c = new Context();
        assertThat(LibUsb.init(c)).isEqualTo(LibUsb.SUCCESS);
        try {
            DeviceList list = new DeviceList();
            int n = LibUsb.getDeviceList(c, list);
            assertThat(n).isNotNegative();
            LibUsb.freeDeviceList(list, true);
            return n;
        } finally {
            LibUsb.exit(c);
        }
    }

    @Test
    void openingADeviceThatIsNotThereIsNotFoundOrATypedError() {
        // a serial no board carries, so the answer is NOT_FOUND on any machine where libusb runs
        String uri = "usb:1209:0001/nicrig-test-absent";

        TransportException e = catchThrowableOfType(TransportException.class, () -> Transports.open(uri));

        assertThat(e.transport()).isEqualTo(uri);
        if (e.reason() == TransportException.Reason.NOT_FOUND) {
            assertThat(e.getMessage()).matches("usb:1209:0001/nicrig-test-absent: no (USB device 1209:0001 \\(libusb sees "
                    + "\\d+ other devices?; nicrig ports lists them\\)|1209:0001 with serial 'nicrig-test-absent'; .*)");
        } else {
            assertThat(e.reason()).isIn(TransportException.Reason.UNSUPPORTED, TransportException.Reason.IO);
        }
    }

    @Test
    void theMonitorUsesLibusbHotplugWhereItExistsAndStopsItsEventThreadOnClose() throws Exception {
        UsbHotplugMonitor monitor;
        try {
            monitor = UsbHotplugMonitor.start(new UsbAddress(0x1209, 0x0001, java.util.Optional.empty()),
                    Duration.ofMillis(200), new UsbHotplugListener() {
                        @Override
                        public void arrived(UsbPortInfo port) {
                        }

                        @Override
                        public void left(UsbPortInfo port) {
                        }
                    });
        } catch (TransportException e) {
            assertThat(e.reason()).isIn(TransportException.Reason.UNSUPPORTED, TransportException.Reason.IO);
            return;
        }
        boolean capability = LibUsb.hasCapability(LibUsb.CAP_HAS_HOTPLUG);
        System.out.println("CAP_HAS_HOTPLUG=" + capability + ", monitor mode " + monitor.mode());
        try {
            // registration with libusb succeeded where it has the capability (else start would have
            // fallen back and said POLLING), and its event thread runs
            assertThat(monitor.mode()).isEqualTo(capability ? UsbHotplugMonitor.Mode.HOTPLUG : UsbHotplugMonitor.Mode.POLLING);
            assertThat(UsbHotplugMonitorTest.threadsNamed(EVENT_THREAD)).isEqualTo(capability ? 1 : 0);
            assertThat(UsbHotplugMonitorTest.threadsNamed("usb-hotplug usb:1209:0001")).isEqualTo(1);
        } finally {
            monitor.close();
        }
        assertThat(UsbHotplugMonitorTest.threadsNamed(EVENT_THREAD)).isZero();
        assertThat(UsbHotplugMonitorTest.threadsNamed("usb-hotplug usb:1209:0001")).isZero();
    }
}
