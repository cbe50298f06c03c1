package org.nicrig.model.device;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * A small register file, enough for `nicrig reg` and for tests to see device state the way a
 * driver would. Read-only registers reflect the device; RW ones hold what was written.
 */
final class Registers {
    static final long ID = 0x00;          // RO: device id << 16 | vendor id
    static final long REVISION = 0x08;    // RO
    static final long STATUS = 0x10;      // RO: bit0 link up, bit1 engine ok, bit2 MAC overridden
    static final long SA_COUNT = 0x14;    // RO
    static final long SCRATCH = 0x20;     // RW
    static final long IRQ_MASK = 0x24;    // RW

    private final Device device;
    private final Map<Long, Long> rw = new ConcurrentHashMap<>(Map.of(SCRATCH, 0L, IRQ_MASK, 0L));

    Registers(Device device) {
        this.device = device;
    }

    /** Null when no register lives at the address. */
    Long read(long address) {
        DeviceProfile p = device.config().profile();
        if (address == ID) {
            return ((long) p.deviceId() << 16) | p.vendorId();
        }
        if (address == REVISION) {
            return (long) device.config().revision();
        }
        if (address == STATUS) {
            return (device.linkUp() ? 1L : 0) | (device.profile().engine() && !device.engineFailed() ? 2L : 0)
                    | (device.currentMac().equals(device.eeprom().mac()) ? 0 : 4L);
        }
        if (address == SA_COUNT) {
            return (long) device.saInUse();
        }
        return rw.get(address);
    }

    /** Null on success, else why the write was refused. */
    String write(long address, long value) {
        if (rw.containsKey(address)) {
            rw.put(address, value);
            return null;
        }
        return read(address) == null ? String.format("no register at 0x%x", address)
                : String.format("register 0x%x is read-only", address);
    }
}
