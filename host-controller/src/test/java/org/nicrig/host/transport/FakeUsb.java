package org.nicrig.host.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link UsbBackend}: devices the test adds, plugs and unplugs, each a
 * {@link FakeUsbDevice} with a bulk IN/OUT endpoint pair. Every backend call is written to
 * {@link #calls} so tests can assert what was done in which order.
 */
final class FakeUsb implements UsbBackend {

    /** The interface a nicrig device offers: vendor-specific, bulk IN 0x81 and OUT 0x01. */
    static final UsbInterfaceInfo VENDOR_BULK = new UsbInterfaceInfo(1, 0xFF, 0, 0, OptionalInt.of(0x81), OptionalInt.of(0x01));
    /** A CDC communication interface: an interrupt endpoint only, no bulk pair. */
    static final UsbInterfaceInfo CDC_CONTROL = new UsbInterfaceInfo(0, 0x02, 0x02, 0x01, OptionalInt.empty(), OptionalInt.empty());

    final List<FakeUsbDevice> devices = new CopyOnWriteArrayList<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    volatile boolean hotplug;
    volatile UsbError watchRefusal;
    volatile UsbError listError;
    private volatile HotplugSink sink;
    volatile int watchesClosed;

    FakeUsbDevice add(int bus, int address, int vid, int pid, String serial, UsbInterfaceInfo... interfaces) {
        FakeUsbDevice d = new FakeUsbDevice(this, bus, address, vid, pid, Optional.ofNullable(serial), List.of(interfaces));
        devices.add(d);
        return d;
    }

    /** Adds the device and, if watched, tells the hotplug sink as libusb's event thread would. */
    void plug(FakeUsbDevice d) {
        devices.add(d);
        HotplugSink s = sink;
        if (s != null && d.vendorId == watchedVid && d.productId == watchedPid) {
            s.arrived(d.descriptors());
        }
    }

    /** Removes the device: its transfers fail with NO_DEVICE and a watcher hears it left. */
    void unplug(FakeUsbDevice d) {
        devices.remove(d);
        d.unplugged = true;
        HotplugSink s = sink;
        if (s != null && d.vendorId == watchedVid && d.productId == watchedPid) {
            s.left(d.descriptors());
        }
    }

    /** Delivers a raw event to the watcher, for libusb's duplicate and orphan events. */
    HotplugSink sink() {
        return sink;
    }

    private volatile int watchedVid = -1;
    private volatile int watchedPid = -1;

    @Override
    public List<UsbDescriptors> devices() throws UsbCallException {
        UsbError e = listError;
        if (e != null) {
            throw new UsbCallException(e, "libusb_get_device_list");
        }
        return devices.stream().map(FakeUsbDevice::descriptors).toList();
    }

    @Override
    public Handle open(int bus, int address) throws UsbCallException {
        calls.add("open " + bus + "/" + address);
        for (FakeUsbDevice d : devices) {
            if (d.bus == bus && d.address == address) {
                return d.open();
            }
        }
        throw new UsbCallException(UsbError.NO_DEVICE, "libusb_open");
    }

    @Override
    public boolean hasHotplug() {
        return hotplug;
    }

    @Override
    public Watch watch(int vendorId, int productId, HotplugSink s) throws UsbCallException {
        UsbError refusal = watchRefusal;
        if (refusal != null) {
            throw new UsbCallException(refusal, "libusb_hotplug_register_callback");
        }
        watchedVid = vendorId;
        watchedPid = productId;
        sink = s;
        for (FakeUsbDevice d : devices) { // LIBUSB_HOTPLUG_ENUMERATE
            if (d.vendorId == vendorId && d.productId == productId) {
                s.arrived(d.descriptors());
            }
        }
        return () -> {
            sink = null;
            watchesClosed++;
        };
    }
}
