package org.nicrig.host.transport;

import java.util.List;

/**
 * What libusb knows of a device without opening it: where it sits, its ids, the indices of its
 * string descriptors (0 = none, USB 2.0 §9.6.1) and its interfaces. Reading the strings needs an
 * open handle, which the OS may refuse; see {@link UsbPorts}.
 */
record UsbDescriptors(int bus, int address, int vendorId, int productId,
                      int manufacturerIndex, int productIndex, int serialIndex,
                      List<UsbInterfaceInfo> interfaces) {

    UsbDescriptors {
        interfaces = List.copyOf(interfaces);
    }

    /** Identifies the device while it stays plugged in; libusb gives a re-plugged one a new address. */
    String location() {
        return "bus " + bus + " address " + address;
    }

    String ids() {
        return UsbAddress.ids(vendorId, productId);
    }
}
