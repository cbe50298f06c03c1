package org.nicrig.host.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nicrig.host.transport.FakeUsbDevice.OutFault;

/** Opening, claiming, errors and byte moving of {@link UsbTransport}, against {@link FakeUsb}. */
// a guard, not a measurement: a lost byte would otherwise leave a read waiting for ever
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UsbTransportTest {

    private final FakeUsb usb = new FakeUsb();
    private final FakeUsbDevice dev = usb.add(1, 4, 0x1209, 0x0001, "NR-0007", FakeUsb.CDC_CONTROL, FakeUsb.VENDOR_BULK);
    private final List<UsbTransport> opened = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        opened.forEach(UsbTransport::close);
        threads.shutdownNow();
    }

    UsbTransport transport(String uri) throws TransportException {
        TransportUri u = TransportUri.parse(uri);
        UsbTransport t = new UsbTransport(UsbAddress.parse(u), UsbSettings.fromUri(u), port -> usb);
        opened.add(t);
        return t;
    }

    UsbTransport open(String uri) throws TransportException {
        UsbTransport t = transport(uri);
        t.open();
        return t;
    }

    private TransportException openFails(String uri) throws TransportException {
        UsbTransport t = transport(uri);
        TransportException e = catchThrowableOfType(TransportException.class, t::open);
        assertThat(e).as("open of " + uri + " should fail").isNotNull();
        assertThat(t.isOpen()).isFalse();
        assertThat(dev.openHandles).as("no handle left open").hasValue(0);
        return e;
    }

    // ---------------------------------------------------------------- opening and closing

    @Test
    void opensTheVendorInterfaceAndGivesItBackOnClose() throws Exception {
        UsbTransport t = open("usb:1209:0001");

        assertThat(t.isOpen()).isTrue();
        assertThat(usb.calls).containsExactly("open 1/4", "auto-detach on", "claim 1");

        t.close();
        t.close(); // idempotent

        assertThat(t.isOpen()).isFalse();
        assertThat(usb.calls).containsExactly("open 1/4", "auto-detach on", "claim 1", "release 1", "close 1/4");
        assertThat(dev.openHandles).hasValue(0);
    }

    @Test
    void whereAutoDetachIsUnsupportedTheKernelDriverIsDetachedAndGivenBackOnClose() throws Exception {
        dev.autoDetachSupported = false;
        dev.kernelDriverBound = true;

        UsbTransport t = open("usb:1209:0001");
        assertThat(dev.kernelDriverBound).isFalse();
        t.close();

        assertThat(usb.calls).containsExactly("open 1/4", "auto-detach unsupported", "driver-active 1 true",
                "detach 1", "claim 1", "release 1", "attach 1", "close 1/4");
        assertThat(dev.kernelDriverBound).isTrue();
    }

    @Test
    void aDriverDetachedForAClaimThatFailsIsGivenBackAtOnce() throws Exception {
        dev.autoDetachSupported = false;
        dev.kernelDriverBound = true;
        dev.claimError = UsbError.BUSY;

        openFails("usb:1209:0001");

        assertThat(usb.calls).containsExactly("open 1/4", "auto-detach unsupported", "driver-active 1 true",
                "detach 1", "claim 1", "attach 1", "close 1/4");
        assertThat(dev.kernelDriverBound).isTrue();
    }

    @Test
    void theSerialPicksOneOfSeveralBoardsOfAKind() throws Exception {
        usb.add(1, 5, 0x1209, 0x0001, "NR-0008", FakeUsb.VENDOR_BULK);

        UsbTransport t = open("usb:1209:0001/NR-0008");

        assertThat(t.name()).isEqualTo("usb:1209:0001/NR-0008");
        assertThat(usb.calls).endsWith("open 1/5", "auto-detach on", "claim 1");
    }

    @Test
    void anExplicitInterfaceIsClaimedEvenIfNotVendorSpecific() throws Exception {
        UsbInterfaceInfo cdcData = new UsbInterfaceInfo(3, 0x0A, 0, 0,
                java.util.OptionalInt.of(0x83), java.util.OptionalInt.of(0x03));
        usb.devices.clear();
        usb.add(2, 9, 0x1209, 0x0001, null, cdcData);

        open("usb:1209:0001?interface=3");

        assertThat(usb.calls).containsExactly("open 2/9", "auto-detach on", "claim 3");
    }

    @Test
    void aFailedOpenLeavesTheTransportUnopenedSoItCanBeRetried() throws Exception {
        dev.claimError = UsbError.BUSY;
        UsbTransport t = transport("usb:1209:0001");
        assertThat(catchThrowableOfType(TransportException.class, t::open).reason())
                .isEqualTo(TransportException.Reason.BUSY);

        dev.claimError = null;
        t.open();

        assertThat(t.isOpen()).isTrue();
        assertThat(dev.openHandles).hasValue(1);
    }

    @Test
    void openTwiceOrUseBeforeOpenIsAProgrammingError() throws Exception {
        UsbTransport t = transport("usb:1209:0001");
        assertThatThrownBy(() -> t.read(new byte[4], 0, 4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> t.write(new byte[4], 0, 4)).isInstanceOf(IllegalStateException.class);
        t.open();
        assertThatThrownBy(t::open).isInstanceOf(IllegalStateException.class);
        t.close();
        assertThatThrownBy(t::open).isInstanceOf(IllegalStateException.class);
    }

    // ---------------------------------------------------------------- open errors, one line each

    @Test
    void noDeviceWithTheIdsIsNotFound() throws Exception {
        TransportException e = openFails("usb:1209:0002");

        assertThat(e.reason()).isEqualTo(TransportException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0002: no USB device 1209:0002 (libusb sees 1 other device; "
                + "nicrig ports lists them)");
    }

    @Test
    void noDeviceWithTheSerialListsTheSerialsThatArePresent() throws Exception {
        usb.add(1, 5, 0x1209, 0x0001, "NR-0008", FakeUsb.VENDOR_BULK);
        usb.add(1, 6, 0x1209, 0x0001, null, FakeUsb.VENDOR_BULK);

        TransportException e = openFails("usb:1209:0001/NR-0009");

        assertThat(e.reason()).isEqualTo(TransportException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001/NR-0009: no 1209:0001 with serial 'NR-0009'; "
                + "present with 1209:0001: bus 1 address 4 serial 'NR-0007', bus 1 address 5 serial 'NR-0008', "
                + "bus 1 address 6 no serial");
    }

    @Test
    void severalDevicesAndNoSerialIsRefusedRatherThanGuessed() throws Exception {
        usb.add(1, 5, 0x1209, 0x0001, "NR-0008", FakeUsb.VENDOR_BULK);

        TransportException e = openFails("usb:1209:0001");

        assertThat(e.reason()).isEqualTo(TransportException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: 2 devices are 1209:0001: bus 1 address 4 serial 'NR-0007', "
                + "bus 1 address 5 serial 'NR-0008'; name one by serial, e.g. usb:1209:0001/SERIAL");
    }

    @Test
    void accessDeniedOnOpenSuggestsAUdevRule() throws Exception {
        dev.openError = UsbError.ACCESS;

        TransportException e = openFails("usb:1209:0001");

        assertThat(e.reason()).isEqualTo(TransportException.Reason.PERMISSION_DENIED);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: permission denied: cannot open bus 1 address 4 "
                + "(libusb_open: LIBUSB_ERROR_ACCESS); allow access with a udev rule such as SUBSYSTEM==\"usb\", "
                + "ATTR{idVendor}==\"1209\", ATTR{idProduct}==\"0001\", MODE=\"0660\", GROUP=\"plugdev\" "
                + "in /etc/udev/rules.d/, then replug");
    }

    @Test
    void aSerialThatCannotBeReadForLackOfPermissionIsPermissionDenied() throws Exception {
        dev.openError = UsbError.ACCESS;

        TransportException e = openFails("usb:1209:0001/NR-0007");

        assertThat(e.reason()).isEqualTo(TransportException.Reason.PERMISSION_DENIED);
        assertThat(e.getMessage()).startsWith("usb:1209:0001/NR-0007: cannot read the serial numbers of 1209:0001 "
                + "(bus 1 address 4 serial unreadable (LIBUSB_ERROR_ACCESS)); allow access with a udev rule");
    }

    @Test
    void anInterfaceClaimedElsewhereIsBusy() throws Exception {
        dev.claimError = UsbError.BUSY;

        TransportException e = openFails("usb:1209:0001");

        assertThat(e.reason()).isEqualTo(TransportException.Reason.BUSY);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: interface 1 is busy: claimed by another process "
                + "or a kernel driver (libusb_claim_interface: LIBUSB_ERROR_BUSY)");
    }

    @Test
    void aDeviceUnpluggedWhileOpeningIsNotFound() throws Exception {
        dev.claimError = UsbError.NO_DEVICE;

        TransportException e = openFails("usb:1209:0001");

        assertThat(e.reason()).isEqualTo(TransportException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: device went away: cannot claim interface 1 "
                + "(libusb_claim_interface: LIBUSB_ERROR_NO_DEVICE)");
    }

    @Test
    void aDeviceWithoutAVendorBulkInterfaceSaysWhatItHas() throws Exception {
        usb.devices.clear();
        usb.add(3, 2, 0x1209, 0x0001, null, FakeUsb.CDC_CONTROL);

        TransportException e = openFails("usb:1209:0001");

        assertThat(e.reason()).isEqualTo(TransportException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: bus 3 address 2 has no vendor-specific interface "
                + "(class 0xff) with bulk IN and OUT; its interfaces: interface 0 class 0x02 (no bulk IN+OUT pair); "
                + "name one with ?interface=N");
    }

    @Test
    void aNamedInterfaceMustExistAndHaveBulkEndpoints() throws Exception {
        assertThat(openFails("usb:1209:0001?interface=0").getMessage()).isEqualTo("usb:1209:0001: bus 1 address 4: "
                + "interface 0 has no bulk IN and OUT endpoints; its interfaces: interface 0 class 0x02 "
                + "(no bulk IN+OUT pair), interface 1 class 0xff (bulk IN 0x81, OUT 0x01)");
        assertThat(openFails("usb:1209:0001?interface=5").getMessage()).startsWith("usb:1209:0001: bus 1 address 4 "
                + "has no interface 5; its interfaces: ");
    }

    @Test
    void aFailingDeviceListIsIo() throws Exception {
        usb.listError = UsbError.NO_MEM;

        TransportException e = catchThrowableOfType(TransportException.class, () -> transport("usb:1209:0001").open());

        assertThat(e.reason()).isEqualTo(TransportException.Reason.IO);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: cannot list USB devices "
                + "(libusb_get_device_list: LIBUSB_ERROR_NO_MEM)");
    }

    // ---------------------------------------------------------------- writing

    @Test
    void eachWriteIsOneBulkOutTransferOfExactlyItsBytes() throws Exception {
        UsbTransport t = open("usb:1209:0001");

        t.write(new byte[] {9, 1, 2, 3, 4, 0, 7}, 1, 5);
        t.write(new byte[0], 0, 0);
        t.write(new byte[] {5, 0}, 0, 2);

        assertThat(dev.out.poll()).containsExactly(1, 2, 3, 4, 0);
        assertThat(dev.out.poll()).containsExactly(5, 0);
        assertThat(dev.out).as("a write of nothing sends nothing").isEmpty();
    }

    @Test
    void anInterruptedTransferIsSentOnFromWhereItStopped() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        dev.outFaults.add(new OutFault(UsbError.INTERRUPTED, 3));

        t.write(new byte[] {1, 2, 3, 4, 5, 0}, 0, 6);

        assertThat(dev.out.poll()).containsExactly(1, 2, 3);
        assertThat(dev.out.poll()).containsExactly(4, 5, 0);
    }

    @Test
    void concurrentWritesNeverInterleave() throws Exception {
        long seed = 20260711L;
        java.util.Random random = new java.util.Random(seed);
        UsbTransport t = open("usb:1209:0001");
        for (int i = 0; i < 300; i++) { // a transfer cut short now and then makes the writer loop
            dev.outFaults.add(random.nextInt(3) == 0 ? new OutFault(UsbError.INTERRUPTED, 1 + random.nextInt(8))
                    : new OutFault(UsbError.SUCCESS, Integer.MAX_VALUE));
        }
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // nonzero bytes ended by the 0x00 delimiter, like COBS frames
            byte[] f = new byte[4 + random.nextInt(20)];
            for (int j = 0; j < f.length - 1; j++) {
                f[j] = (byte) (1 + random.nextInt(255));
            }
            frames.add(f);
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int first = w;
            writers.add(threads.submit(() -> {
                for (int i = first; i < frames.size(); i += 4) {
                    t.write(frames.get(i), 0, frames.get(i).length);
                }
                return null;
            }));
        }
        for (Future<?> f : writers) {
            f.get(10, TimeUnit.SECONDS);
        }

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        dev.out.forEach(stream::writeBytes);
        List<String> received = splitFrames(stream.toByteArray());
        assertThat(received).as("seed " + seed)
                .containsExactlyInAnyOrderElementsOf(frames.stream().map(Arrays::toString).toList());
    }

    private static List<String> splitFrames(byte[] stream) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] == 0) {
                out.add(Arrays.toString(Arrays.copyOfRange(stream, start, i + 1)));
                start = i + 1;
            }
        }
        return out;
    }

    @Test
    void aDeviceThatDoesNotTakeTheBytesInTimeFailsTheWriteWithIo() throws Exception {
        UsbTransport t = open("usb:1209:0001?timeout=250ms");
        dev.outFaults.add(new OutFault(UsbError.TIMEOUT, 5));

        TransportException e = catchThrowableOfType(TransportException.class, () -> t.write(new byte[12], 0, 12));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.IO);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: device took only 5 of 12 bytes within 250 ms "
                + "(bulk OUT 0x01: LIBUSB_ERROR_TIMEOUT)");
    }

    @Test
    void unpluggedDuringAWriteIsClosed() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        usb.unplug(dev);

        TransportException e = catchThrowableOfType(TransportException.class, () -> t.write(new byte[4], 0, 4));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: device unplugged after 0 of 4 bytes "
                + "(bulk OUT 0x01: LIBUSB_ERROR_NO_DEVICE)");
    }

    @Test
    void aStalledOutEndpointIsIo() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        dev.outFaults.add(new OutFault(UsbError.PIPE, 0));

        TransportException e = catchThrowableOfType(TransportException.class, () -> t.write(new byte[4], 0, 4));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.IO);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: endpoint halted after 0 of 4 bytes "
                + "(bulk OUT 0x01: LIBUSB_ERROR_PIPE)");
    }

    @Test
    void writingAfterCloseIsClosed() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        t.close();

        TransportException e = catchThrowableOfType(TransportException.class, () -> t.write(new byte[1], 0, 1));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: transport is closed");
    }

    // ---------------------------------------------------------------- reading

    @Test
    void readsHandOutOneTransferAcrossSeveralSmallReads() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        dev.packet(new byte[] {1, 2, 3, 4, 5});

        byte[] buf = new byte[8];
        assertThat(t.read(buf, 0, 2)).isEqualTo(2);
        assertThat(t.read(buf, 2, 8 - 2)).isEqualTo(3);
        assertThat(Arrays.copyOf(buf, 5)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aZeroLengthPacketEndsATransferAndNothingElse() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        dev.packet(new byte[0]);
        dev.packet(new byte[] {7, 0});

        byte[] buf = new byte[4];
        assertThat(t.read(buf, 0, 4)).as("neither -1 nor 0 for the empty transfer").isEqualTo(2);
        assertThat(Arrays.copyOf(buf, 2)).containsExactly(7, 0);
    }

    @Test
    void aFullPacketWithNoShortPacketAfterItArrivesWhenTheTransferTimesOut() throws Exception {
        UsbTransport t = open("usb:1209:0001?readTimeout=5s"); // so that losing the bytes reads 0, not hangs
        byte[] full = new byte[FakeUsbDevice.MAX_PACKET];
        Arrays.fill(full, (byte) 0x5A);
        dev.packet(full); // the transfer waits for more until POLL passes: LIBUSB_ERROR_TIMEOUT with 64 bytes

        byte[] buf = new byte[UsbTransport.IN_BUFFER];
        assertThat(t.read(buf, 0, buf.length)).isEqualTo(FakeUsbDevice.MAX_PACKET);
        assertThat(Arrays.copyOf(buf, FakeUsbDevice.MAX_PACKET)).containsOnly(0x5A);
    }

    @Test
    void bytesThatCameWithAnErrorAreReadFirstThenTheErrorIsThrown() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        dev.packet(new byte[FakeUsbDevice.MAX_PACKET]);
        dev.failIn(UsbError.NO_DEVICE);
        dev.failIn(UsbError.NO_DEVICE);

        byte[] buf = new byte[UsbTransport.IN_BUFFER];
        assertThat(t.read(buf, 0, buf.length)).isEqualTo(FakeUsbDevice.MAX_PACKET);
        TransportException e = catchThrowableOfType(TransportException.class, () -> t.read(buf, 0, buf.length));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.CLOSED);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: device unplugged (bulk IN 0x81: LIBUSB_ERROR_NO_DEVICE)");
    }

    @Test
    void aStalledInEndpointIsIo() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        dev.failIn(UsbError.PIPE);

        TransportException e = catchThrowableOfType(TransportException.class, () -> t.read(new byte[8], 0, 8));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.IO);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: endpoint halted (bulk IN 0x81: LIBUSB_ERROR_PIPE)");
    }

    @Test
    void otherInErrorsAreIoAndNameTheCode() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        dev.failIn(UsbError.IO);

        TransportException e = catchThrowableOfType(TransportException.class, () -> t.read(new byte[8], 0, 8));

        assertThat(e.reason()).isEqualTo(TransportException.Reason.IO);
        assertThat(e.getMessage()).isEqualTo("usb:1209:0001: bulk IN transfer failed (bulk IN 0x81: LIBUSB_ERROR_IO)");
    }

    @Test
    void timeoutsAndInterruptionsAreWaitedThrough() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        dev.failIn(UsbError.TIMEOUT);
        dev.failIn(UsbError.INTERRUPTED);
        dev.packet(new byte[] {3});

        byte[] buf = new byte[1];
        assertThat(t.read(buf, 0, 1)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 3);
    }

    @Test
    void aReadTimeoutReturnsZeroWhenNothingCame() throws Exception {
        UsbTransport t = open("usb:1209:0001?readTimeout=50ms");

        assertThat(t.read(new byte[8], 0, 8)).isZero();
    }

    @Test
    void closeEndsABlockedReadWithMinusOne() throws Exception {
        UsbTransport t = open("usb:1209:0001");
        Future<Integer> blocked = threads.submit(() -> t.read(new byte[8], 0, 8));
        dev.failIn(UsbError.TIMEOUT); // the reader is in its loop of transfers
        while (!dev.in.isEmpty()) {
            Thread.onSpinWait();
        }

        t.close();

        assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
        assertThat(t.read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(usb.calls).endsWith("release 1", "close 1/4");
    }
}
