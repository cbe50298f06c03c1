package org.nicrig.host.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code nicrig ports} shows of USB devices, against {@link FakeUsb}. */
class UsbPortsTest {

    private final FakeUsb usb = new FakeUsb();

    @Test
    void listsEveryDeviceWithItsStringsAndItsVendorInterface() throws Exception {
        usb.add(1, 4, 0x1209, 0x0001, "NR-0007", FakeUsb.CDC_CONTROL, FakeUsb.VENDOR_BULK);
        usb.add(2, 1, 0x0403, 0x6001, null, FakeUsb.CDC_CONTROL);

        List<UsbPortInfo> ports = UsbPorts.list(usb);

        assertThat(ports).hasSize(2);
        UsbPortInfo nic = ports.get(0);
        assertThat(nic.manufacturer()).contains("nicrig");
        assertThat(nic.product()).contains("FPGA NIC");
        assertThat(nic.serial()).contains("NR-0007");
        assertThat(nic.nicrigInterface()).contains(FakeUsb.VENDOR_BULK);
        assertThat(nic.describe()).isEqualTo("usb:1209:0001/NR-0007 bus 1 address 4 'nicrig' 'FPGA NIC' "
                + "interface 1 class 0xff (bulk IN 0x81, OUT 0x01)");
        assertThat(ports.get(1).describe()).isEqualTo("usb:0403:6001 bus 2 address 1 'nicrig' 'FPGA NIC' "
                + "no vendor-specific bulk interface");
        assertThat(usb.devices.get(0).openHandles).as("closed after reading the strings").hasValue(0);
    }

    @Test
    void aDeviceThatCannotBeOpenedIsListedWithTheReason() throws Exception {
        usb.add(1, 4, 0x1209, 0x0001, "NR-0007", FakeUsb.VENDOR_BULK).openError = UsbError.ACCESS;

        UsbPortInfo p = UsbPorts.list(usb).get(0);

        assertThat(p.serial()).isEmpty();
        assertThat(p.unreadable()).contains("LIBUSB_ERROR_ACCESS");
        assertThat(p.describe()).isEqualTo("usb:1209:0001 bus 1 address 4 (strings unreadable: LIBUSB_ERROR_ACCESS) "
                + "interface 1 class 0xff (bulk IN 0x81, OUT 0x01)");
    }

    @Test
    void oneStringTheDeviceStallsOnDoesNotHideTheOthers() throws Exception {
        FakeUsbDevice d = usb.add(1, 4, 0x1209, 0x0001, "NR-0007", FakeUsb.VENDOR_BULK);
        d.stringError = UsbError.PIPE;
        d.stringFailures.set(1); // the manufacturer string

        UsbPortInfo p = UsbPorts.list(usb).get(0);

        assertThat(p.manufacturer()).isEmpty();
        assertThat(p.product()).contains("FPGA NIC");
        assertThat(p.serial()).contains("NR-0007");
        assertThat(p.unreadable()).isEqualTo(Optional.of("LIBUSB_ERROR_PIPE"));
    }
}
