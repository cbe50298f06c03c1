package org.nicrig.host.rig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.MacAddress;

/**
 * What a rig expects a device to say in IDENTIFY, so that a cable in the wrong port is caught
 * before a run rather than read as a firmware bug. Each part is checked only when given.
 */
public record ExpectedIdentity(OptionalInt vendorId, OptionalInt deviceId, OptionalInt revision,
                               Optional<FirmwareVersion> firmware, Optional<MacAddress> mac) {

    /** Null when the reply fits, else every part that does not, e.g. {@code vendor 0x8086, not 0x1172}. */
    public String mismatch(IdentifyReply id) {
        List<String> wrong = new ArrayList<>();
        check(wrong, "vendor", vendorId, id.pci().vendorId(), "0x%04x");
        check(wrong, "device", deviceId, id.pci().deviceId(), "0x%04x");
        check(wrong, "revision", revision, id.pci().revision(), "0x%02x");
        firmware.filter(f -> !f.equals(id.firmware()))
                .ifPresent(f -> wrong.add("firmware " + id.firmware() + ", not " + f));
        mac.filter(m -> !m.equals(id.mac()))
                .ifPresent(m -> wrong.add("MAC " + id.mac() + ", not " + m));
        return wrong.isEmpty() ? null : String.join("; ", wrong);
    }

    private static void check(List<String> wrong, String what, OptionalInt expected, int actual, String fmt) {
        if (expected.isPresent() && expected.getAsInt() != actual) {
            wrong.add(what + " " + String.format(fmt, actual) + ", not " + String.format(fmt, expected.getAsInt()));
        }
    }
}
