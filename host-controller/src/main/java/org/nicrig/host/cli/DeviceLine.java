package org.nicrig.host.cli;

import org.nicrig.host.cli.DeviceTarget.OpenDevice;
import org.nicrig.protocol.message.IdentifyReply;

/** The line a device command starts with: which device, reached how, and who it says it is. */
final class DeviceLine {
    private DeviceLine() {
    }

    static String of(OpenDevice d) {
        return d.name() + " (" + d.target().uri() + "): " + identity(d.session().identity());
    }

    static String identity(IdentifyReply id) {
        return String.format("%04x:%04x rev %02x, MAC %s, firmware %s", id.pci().vendorId(), id.pci().deviceId(),
                id.pci().revision(), id.mac(), id.firmware());
    }
}
