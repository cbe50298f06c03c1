package org.nicrig.host.rig;

import java.util.List;
import org.nicrig.host.admission.AllowedIdentity;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;
import org.nicrig.protocol.message.FirmwareVersion;

/**
 * Reads one {@code allow:} entry: {@code {name, vendor, device, revision: 0x08..0x0c,
 * firmware: 2.0.0..2.9.0}}. A range left out admits every revision or firmware.
 */
final class AllowReader {
    static final List<String> KEYS = List.of("name", "vendor", "device", "revision", "firmware");
    private static final FirmwareVersion LOWEST = new FirmwareVersion(0, 0, 0);
    private static final FirmwareVersion HIGHEST = new FirmwareVersion(255, 255, 0xFFFF);

    private AllowReader() {
    }

    static AllowedIdentity read(Node n, String path, Problems p) {
        int mark = p.mark();
        MapReader m = MapReader.of(n, path, p, KEYS);
        if (m == null) {
            return null;
        }
        String name = m.name("name", true);
        Long vendor = m.integerOrHex("vendor", 0, 0xFFFF, true);
        Long device = m.integerOrHex("device", 0, 0xFFFF, true);
        int[] revision = m.has("revision") ? Ranges.revisionRange(m.get("revision"), m.pathOf("revision"), p)
                : new int[] {0, 0xFF};
        FirmwareVersion[] firmware = m.has("firmware")
                ? Ranges.firmwareRange(m.get("firmware"), m.pathOf("firmware"), p)
                : new FirmwareVersion[] {LOWEST, HIGHEST};
        if (!p.cleanSince(mark)) {
            return null;
        }
        return new AllowedIdentity(name, vendor.intValue(), device.intValue(), revision[0], revision[1],
                firmware[0], firmware[1]);
    }
}
