package org.nicrig.host.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Arrivals and departures, in both modes, against {@link FakeUsb}. */
// a guard, not a measurement: a lost byte would otherwise leave a read waiting for ever
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UsbHotplugMonitorTest {

    private static final Duration POLL = Duration.ofMillis(10);
    private final FakeUsb usb = new FakeUsb();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private UsbHotplugMonitor monitor;

    private final UsbHotplugListener listener = new UsbHotplugListener() {
        @Override
        public void arrived(UsbPortInfo port) {
            events.add("arrived " + port.uri() + " at " + port.bus() + "/" + port.address());
        }

        @Override
        public void left(UsbPortInfo port) {
            events.add("left " + port.uri() + " at " + port.bus() + "/" + port.address());
        }
    };

    @AfterEach
    void tearDown() {
        if (monitor != null) {
            monitor.close();
        }
    }

    private UsbHotplugMonitor start(String address) throws TransportException {
        monitor = UsbHotplugMonitor.start(usb, UsbAddress.parse(TransportUri.parse(address)), POLL, listener);
        return monitor;
    }

    private String next() throws InterruptedException {
        String e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("an event within the wait").isNotNull();
        return e;
    }

    /** Events are delivered in order on one thread; a marker device proves nothing else came before it. */
    private void assertNoMoreEventsBefore(String marker) throws InterruptedException {
        assertThat(next()).isEqualTo(marker);
    }

    @Test
    void withoutHotplugTheMonitorPollsAndSeesPresentPluggedAndUnpluggedDevices() throws Exception {
        FakeUsbDevice a = usb.add(1, 4, 0x1209, 0x0001, "NR-0007", FakeUsb.VENDOR_BULK);
        usb.add(1, 2, 0x8087, 0x0024, null); // another kind of device: never reported

        assertThat(start("usb:1209:0001").mode()).isEqualTo(UsbHotplugMonitor.Mode.POLLING);
        assertThat(next()).isEqualTo("arrived usb:1209:0001/NR-0007 at 1/4");

        usb.unplug(a);
        assertThat(next()).isEqualTo("left usb:1209:0001/NR-0007 at 1/4");

        usb.plug(new FakeUsbDevice(usb, 1, 5, 0x1209, 0x0001, java.util.Optional.of("NR-0007"),
                java.util.List.of(FakeUsb.VENDOR_BULK)));
        assertThat(next()).isEqualTo("arrived usb:1209:0001/NR-0007 at 1/5");
    }

    @Test
    void aSerialInTheAddressLimitsEventsToThatBoard() throws Exception {
        FakeUsbDevice other = usb.add(1, 4, 0x1209, 0x0001, "NR-0007", FakeUsb.VENDOR_BULK);
        start("usb:1209:0001/NR-0008");

        usb.unplug(other);
        usb.plug(new FakeUsbDevice(usb, 1, 6, 0x1209, 0x0001, java.util.Optional.of("NR-0008"),
                java.util.List.of(FakeUsb.VENDOR_BULK)));

        assertNoMoreEventsBefore("arrived usb:1209:0001/NR-0008 at 1/6");
    }

    @Test
    void aSerialUnreadableAtFirstIsTriedAgainAndReportedOnce() throws Exception {
        FakeUsbDevice a = usb.add(1, 4, 0x1209, 0x0001, "NR-0007", FakeUsb.VENDOR_BULK);
        a.stringFailures.set(6); // two whole describe rounds fail, as before udev grants access
        start("usb:1209:0001/NR-0007");

        assertThat(next()).isEqualTo("arrived usb:1209:0001/NR-0007 at 1/4");
        usb.unplug(a);
        assertNoMoreEventsBefore("left usb:1209:0001/NR-0007 at 1/4");
        assertThat(a.stringFailures).hasValue(0);
    }

    @Test
    void withHotplugTheCallbackIsUsedAndLibusbsDuplicatesAreFiltered() throws Exception {
        usb.hotplug = true;
        FakeUsbDevice a = usb.add(1, 4, 0x1209, 0x0001, "NR-0007", FakeUsb.VENDOR_BULK);
        FakeUsbDevice stranger = new FakeUsbDevice(usb, 1, 9, 0x1209, 0x0001, java.util.Optional.of("NR-0099"),
                java.util.List.of(FakeUsb.VENDOR_BULK));

        assertThat(start("usb:1209:0001").mode()).isEqualTo(UsbHotplugMonitor.Mode.HOTPLUG);
        assertThat(next()).isEqualTo("arrived usb:1209:0001/NR-0007 at 1/4"); // from LIBUSB_HOTPLUG_ENUMERATE
        // libusb may report the same arrival again from its event thread, and a departure of a
        // device whose arrival it never reported (libusb_hotplug_register_callback)
        usb.sink().arrived(a.descriptors());
        usb.sink().left(stranger.descriptors());
        usb.unplug(a);

        assertNoMoreEventsBefore("left usb:1209:0001/NR-0007 at 1/4");
    }

    @Test
    void aRefusedCallbackFallsBackToPolling() throws Exception {
        usb.hotplug = true;
        usb.watchRefusal = UsbError.NOT_SUPPORTED;
        usb.add(1, 4, 0x1209, 0x0001, null, FakeUsb.VENDOR_BULK);

        assertThat(start("usb:1209:0001").mode()).isEqualTo(UsbHotplugMonitor.Mode.POLLING);
        assertThat(next()).isEqualTo("arrived usb:1209:0001 at 1/4");
    }

    @Test
    void closeDeregistersAndStopsTheListenerThread() throws Exception {
        usb.hotplug = true;
        FakeUsbDevice a = usb.add(1, 4, 0x1209, 0x0001, null, FakeUsb.VENDOR_BULK);
        start("usb:1209:0001");
        assertThat(next()).startsWith("arrived");

        monitor.close();
        monitor.close(); // idempotent

        assertThat(usb.watchesClosed).isEqualTo(1);
        assertThat(usb.sink()).isNull();
        assertThat(threadsNamed("usb-hotplug usb:1209:0001")).isZero();
        usb.unplug(a);
        assertThat(events).as("nothing after close").isEmpty();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheMonitor() throws Exception {
        FakeUsbDevice a = usb.add(1, 4, 0x1209, 0x0001, null, FakeUsb.VENDOR_BULK);
        monitor = UsbHotplugMonitor.start(usb, UsbAddress.parse(TransportUri.parse("usb:1209:0001")), POLL,
                new UsbHotplugListener() {
                    @Override
                    public void arrived(UsbPortInfo port) {
                        events.add("arrived " + port.uri());
                        throw new IllegalStateException("listener bug");
                    }

                    @Override
                    public void left(UsbPortInfo port) {
                        events.add("left " + port.uri());
                    }
                });

        assertThat(next()).isEqualTo("arrived usb:1209:0001");
        usb.unplug(a);

        assertThat(next()).isEqualTo("left usb:1209:0001");
    }

    static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t.isAlive())
                .count();
    }
}
