package org.nicrig.host.rig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nicrig.host.admission.AllowedIdentity;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Node.ListNode;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.YamlTree;

/**
 * Loads a rig file into a {@link Rig}, reporting every error with its file, line, column and path.
 *
 * <pre>{@code
 * Rig rig = RigLoader.load(Path.of("rigs/emulated.yaml"));   // throws ConfigErrors
 * }</pre>
 */
public final class RigLoader {
    static final List<String> KEYS = List.of("name", "wire", "peer", "team", "devices", "sas", "allow");
    static final List<String> PEER_KEYS = List.of("mac", "ip");

    private RigLoader() {
    }

    public static Rig load(Path file) throws ConfigErrors {
        Problems p = new Problems(file.toString());
        Rig rig = read(file, p);
        if (!p.isEmpty()) {
            throw new ConfigErrors(p.errors());
        }
        return rig;
    }

    /** The rig, or null with the errors in {@code p} (whose file name is used in them). */
    public static Rig read(Path file, Problems p) {
        Node root = YamlTree.read(file, p);
        return root == null ? null : read(root, file, p);
    }

    /** The rig in {@code root}, read from {@code file} (key files and pcaps are relative to its folder). */
    public static Rig read(Node root, Path file, Problems p) {
        Path baseDir = file.getParent() == null ? Path.of("") : file.getParent();
        int mark = p.mark();
        MapReader m = MapReader.of(root, "", p, KEYS);
        if (m == null) {
            return null;
        }
        String name = m.name("name", true);
        Wire wire = m.require("wire") ? WireReader.read(m.get("wire"), m.pathOf("wire"), p, baseDir) : null;
        Peer peer = m.require("peer") ? peer(m.get("peer"), m.pathOf("peer"), p) : null;
        ListNode devicesNode = m.list("devices", true);
        List<RigDevice> devices = devicesNode == null ? null : DeviceReader.read(devicesNode, m.pathOf("devices"), p);
        TeamSettings team = TeamReader.read(m.get("team"), m.pathOf("team"), p, devices);
        ListNode sasNode = m.list("sas", false);
        List<RigSa> sas = sasNode == null ? List.of() : SaReader.read(sasNode, m.pathOf("sas"), p, baseDir);
        ListNode allowNode = m.list("allow", true);
        List<AllowedIdentity> allow = allowNode == null ? null : allow(allowNode, m.pathOf("allow"), p);
        if (!p.cleanSince(mark)) {
            return null;
        }
        return new Rig(name, devices, team, sas, peer, wire, allow);
    }

    private static Peer peer(Node n, String path, Problems p) {
        int mark = p.mark();
        MapReader m = MapReader.of(n, path, p, PEER_KEYS);
        if (m == null) {
            return null;
        }
        var mac = m.require("mac") ? Addresses.mac(m.get("mac"), m.pathOf("mac"), p) : null;
        var ip = m.require("ip") ? Addresses.ipv4(m.get("ip"), m.pathOf("ip"), p) : null;
        return p.cleanSince(mark) ? new Peer(mac, ip) : null;
    }

    private static List<AllowedIdentity> allow(ListNode list, String path, Problems p) {
        int mark = p.mark();
        if (list.items().isEmpty()) {
            p.error(list.location(), path, "an empty allow-list refuses every device (patent op. 300): list at least one identity");
        }
        List<AllowedIdentity> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            AllowedIdentity a = AllowReader.read(list.items().get(i), path + "[" + i + "]", p);
            if (a != null) {
                out.add(a);
            }
        }
        return p.cleanSince(mark) ? out : null;
    }
}
