package org.nicrig.host.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.nicrig.host.transport.TransportException.Reason.NOT_FOUND;
import static org.nicrig.host.transport.TransportException.Reason.PERMISSION_DENIED;

/**
 * Picks the one device a {@link UsbAddress} means, or says why there is none: nothing with those
 * ids, several and no serial to choose by, or no serial that matches — listing what is there.
 */
final class UsbDeviceFinder {

    private UsbDeviceFinder() {
    }

    static UsbDescriptors find(UsbBackend backend, UsbAddress address, String name) throws TransportException {
        List<UsbDescriptors> all = UsbPorts.devices(backend, name);
        List<UsbDescriptors> same = all.stream()
                .filter(d -> address.matchesIds(d.vendorId(), d.productId()))
                .toList();
        if (same.isEmpty()) {
            throw new TransportException(name, NOT_FOUND, "no USB device " + address.ids() + " (libusb sees "
                    + all.size() + (all.size() == 1 ? " other device" : " other devices") + "; nicrig ports lists them)");
        }
        if (address.serial().isEmpty() && same.size() == 1) {
            return same.get(0);
        }
        List<UsbPortInfo> infos = new ArrayList<>();
        for (UsbDescriptors d : same) {
            infos.add(UsbPorts.describe(backend, d));
        }
        String present = infos.stream().map(UsbDeviceFinder::brief).collect(Collectors.joining(", "));
        if (address.serial().isEmpty()) {
            // picking one would risk testing the wrong board, so make the user say which
            throw new TransportException(name, NOT_FOUND, same.size() + " devices are " + address.ids() + ": "
                    + present + "; name one by serial, e.g. usb:" + address.ids() + "/SERIAL");
        }
        String wanted = address.serial().get();
        for (int i = 0; i < infos.size(); i++) {
            if (infos.get(i).serial().equals(Optional.of(wanted))) {
                return same.get(i);
            }
        }
        if (infos.stream().anyMatch(p -> p.unreadable().equals(Optional.of(UsbError.ACCESS.libusbName())))) {
            throw new TransportException(name, PERMISSION_DENIED, "cannot read the serial numbers of "
                    + address.ids() + " (" + present + "); " + udevHint(address.vendorId(), address.productId()));
        }
        throw new TransportException(name, NOT_FOUND, "no " + address.ids() + " with serial '" + wanted
                + "'; present with " + address.ids() + ": " + present);
    }

    /** E.g. {@code bus 1 address 4 serial 'NR-0007'}. */
    static String brief(UsbPortInfo p) {
        String where = "bus " + p.bus() + " address " + p.address();
        if (p.serial().isPresent()) {
            return where + " serial '" + p.serial().get() + "'";
        }
        return where + p.unreadable().map(u -> " serial unreadable (" + u + ")").orElse(" no serial");
    }

    /** What to do about LIBUSB_ERROR_ACCESS on Linux: let the user's group open the device node. */
    static String udevHint(int vid, int pid) {
        return String.format("allow access with a udev rule such as SUBSYSTEM==\"usb\", ATTR{idVendor}==\"%04x\", "
                + "ATTR{idProduct}==\"%04x\", MODE=\"0660\", GROUP=\"plugdev\" in /etc/udev/rules.d/, then replug", vid, pid);
    }
}
