package org.nicrig.host.transport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One USB device as libusb sees it, for {@code nicrig ports} and for error messages.
 *
 * @param manufacturer iManufacturer string, if the device has one and it could be read
 * @param serial       iSerialNumber string, the {@code SERIAL} of {@code usb:VID:PID/SERIAL}
 * @param unreadable   why the strings could not be read (e.g. {@code LIBUSB_ERROR_ACCESS}: no
 *                     permission to open the device), empty if they were
 * @param interfaces   the active configuration's interfaces
 */
public record UsbPortInfo(int bus, int address, int vendorId, int productId,
                          Optional<String> manufacturer, Optional<String> product, Optional<String> serial,
                          Optional<String> unreadable, List<UsbInterfaceInfo> interfaces) {

    public UsbPortInfo {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(unreadable, "unreadable");
        interfaces = List.copyOf(interfaces);
    }

    /** The first vendor-specific interface with bulk IN and OUT: where a nicrig device listens. */
    public Optional<UsbInterfaceInfo> nicrigInterface() {
        return interfaces.stream().filter(UsbInterfaceInfo::isNicrigCandidate).findFirst();
    }

    /** The URI that opens this device: {@code usb:VID:PID/SERIAL}, or {@code usb:VID:PID} without a serial. */
    public String uri() {
        return new UsbAddress(vendorId, productId, serial).portName();
    }

    /**
     * One line, e.g. {@code usb:1209:0001/NR-0007 bus 1 address 4 'nicrig' 'FPGA NIC'
     * interface 0 class 0xff (bulk IN 0x81, OUT 0x01)}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder(uri()).append(" bus ").append(bus).append(" address ").append(address);
        manufacturer.ifPresent(m -> s.append(" '").append(m).append('\''));
        product.ifPresent(p -> s.append(" '").append(p).append('\''));
        unreadable.ifPresent(u -> s.append(" (strings unreadable: ").append(u).append(')'));
        s.append(nicrigInterface().map(i -> " " + i.describe()).orElse(" no vendor-specific bulk interface"));
        return s.toString();
    }
}
