package org.nicrig.host.rig;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;

/** Reads {@code wire:} — {@code emulated}, {@code {hub: udp:HOST:PORT}} or {@code {capture: FILE.pcap|IFACE}}. */
final class WireReader {
    static final List<String> KEYS = List.of("hub", "capture");
    static final String EMULATED = "emulated";
    private static final Pattern HUB = Pattern.compile("udp:([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+\\]):([0-9]{1,5})");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");

    private WireReader() {
    }

    static Wire read(Node n, String path, Problems p, Path baseDir) {
        if (n instanceof Node.ScalarNode s && s.type() == Node.ScalarNode.Type.STRING) {
            if (s.text().equals(EMULATED)) {
                return new Wire.InProcess();
            }
            p.error(n.location(), path, "expected 'emulated', {hub: udp:HOST:PORT} or {capture: FILE.pcap or INTERFACE}, found '"
                    + s.text() + "'");
            return null;
        }
        MapReader m = MapReader.of(n, path, p, KEYS);
        if (m == null) {
            return null;
        }
        if (m.entries().size() != 1) {
            m.error("give exactly one of hub or capture");
            return null;
        }
        return m.has("hub") ? hub(m) : capture(m, baseDir);
    }

    private static Wire hub(MapReader m) {
        String s = m.string("hub", true);
        if (s == null) {
            return null;
        }
        Matcher x = HUB.matcher(s);
        int port = x.matches() ? Integer.parseInt(x.group(2)) : 0;
        if (port < 1 || port > 65_535) {
            m.error("hub", "expected udp:HOST:PORT with a port from 1 to 65535, e.g. udp:127.0.0.1:47000, found '" + s + "'");
            return null;
        }
        return new Wire.Hub(x.group(1), port);
    }

    private static Wire capture(MapReader m, Path baseDir) {
        String s = m.string("capture", true);
        if (s == null) {
            return null;
        }
        if (s.endsWith(".pcap") || s.endsWith(".pcapng")) {
            return new Wire.CaptureFile(baseDir.resolve(s).normalize());
        }
        if (!INTERFACE.matcher(s).matches()) {
            m.error("capture", "expected a .pcap/.pcapng file or a network interface name (at most 15 characters), found '"
                    + s + "'");
            return null;
        }
        return new Wire.CaptureInterface(s);
    }
}
