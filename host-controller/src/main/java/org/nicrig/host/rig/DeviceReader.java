package org.nicrig.host.rig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Node.ListNode;
import org.nicrig.host.config.Problems;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.MacAddress;

/** Reads {@code devices:} and each device's {@code expect:} block. */
final class DeviceReader {
    static final List<String> KEYS = List.of("name", "transport", "role", "expect");
    static final List<String> EXPECT_KEYS = List.of("vendor", "device", "revision", "firmware", "mac");

    private DeviceReader() {
    }

    /** The devices, or null when any was wrong (reported). Names and emulated MACs are unique. */
    static List<RigDevice> read(ListNode list, String path, Problems p) {
        int mark = p.mark();
        if (list.items().isEmpty()) {
            p.error(list.location(), path, "a rig needs at least one device");
        }
        List<RigDevice> out = new ArrayList<>();
        Map<String, String> macOwner = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node n = list.items().get(i);
            String at = path + "[" + i + "]";
            RigDevice d = device(n, at, p);
            if (d == null) {
                continue;
            }
            if (out.stream().anyMatch(o -> o.name().equals(d.name()))) {
                p.error(((Node.MapNode) n).entries().get("name").value().location(), at + ".name",
                        "duplicate device name '" + d.name() + "'");
            }
            RigDevice firstPrimary = out.stream().filter(o -> o.role().orElse(null) == DeviceRole.PRIMARY).findFirst().orElse(null);
            if (firstPrimary != null && d.role().orElse(null) == DeviceRole.PRIMARY) {
                p.error(((Node.MapNode) n).entries().get("role").value().location(), at + ".role",
                        "device " + firstPrimary.name() + " already says role: primary; a team has one primary");
            }
            String mac = TransportCheck.emulatedMac(d.transport());
            if (mac != null) {
                String normal = MacAddress.parse(mac).toString();
                String owner = macOwner.putIfAbsent(normal, d.name());
                if (owner != null) {
                    p.error(((Node.MapNode) n).entries().get("transport").value().location(), at + ".transport",
                            "MAC " + normal + " is also " + owner + "'s: two ports on one wire need two addresses");
                }
            }
            out.add(d);
        }
        return p.cleanSince(mark) ? out : null;
    }

    private static RigDevice device(Node n, String path, Problems p) {
        int mark = p.mark();
        MapReader m = MapReader.of(n, path, p, KEYS);
        if (m == null) {
            return null;
        }
        String name = m.name("name", true);
        String transport = transport(m, "transport");
        DeviceRole role = m.choice("role", RigWords.ROLE, false);
        ExpectedIdentity expect = m.has("expect") ? expect(m.get("expect"), m.pathOf("expect"), p) : null;
        if (!p.cleanSince(mark)) {
            return null;
        }
        return new RigDevice(name, transport, Optional.ofNullable(role), Optional.ofNullable(expect));
    }

    /** A required transport URI under {@code key}, checked by {@link TransportCheck}. */
    static String transport(MapReader m, String key) {
        String t = m.string(key, true);
        if (t == null) {
            return null;
        }
        String problem = TransportCheck.problem(t);
        if (problem != null) {
            m.error(key, problem);
            return null;
        }
        return t;
    }

    private static ExpectedIdentity expect(Node n, String path, Problems p) {
        int mark = p.mark();
        MapReader m = MapReader.of(n, path, p, EXPECT_KEYS);
        if (m == null) {
            return null;
        }
        Long vendor = m.integerOrHex("vendor", 0, 0xFFFF, false);
        Long device = m.integerOrHex("device", 0, 0xFFFF, false);
        Long revision = m.integerOrHex("revision", 0, 0xFF, false);
        FirmwareVersion firmware = m.has("firmware") ? Ranges.firmware(m.get("firmware"), m.pathOf("firmware"), p) : null;
        MacAddress mac = m.has("mac") ? Addresses.mac(m.get("mac"), m.pathOf("mac"), p) : null;
        if (!p.cleanSince(mark)) {
            return null;
        }
        return new ExpectedIdentity(optional(vendor), optional(device), optional(revision),
                Optional.ofNullable(firmware), Optional.ofNullable(mac));
    }

    private static OptionalInt optional(Long v) {
        return v == null ? OptionalInt.empty() : OptionalInt.of(v.intValue());
    }
}
