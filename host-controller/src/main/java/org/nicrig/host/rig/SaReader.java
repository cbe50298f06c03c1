package org.nicrig.host.rig;

import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Node.ListNode;
import org.nicrig.host.config.Problems;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;

/** Reads {@code sas:}. */
final class SaReader {
    static final List<String> KEYS = List.of("name", "spi", "direction", "mode", "cipher", "integrity", "esn",
            "replay-window", "tunnel", "encryption-key", "authentication-key");
    static final List<String> TUNNEL_KEYS = List.of("source", "destination");

    private SaReader() {
    }

    /** The SAs, or null when any was wrong (reported). Names and (SPI, direction) are unique. */
    static List<RigSa> read(ListNode list, String path, Problems p, Path baseDir) {
        int mark = p.mark();
        List<RigSa> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String at = path + "[" + i + "]";
            Node n = list.items().get(i);
            RigSa sa = sa(n, at, p, baseDir);
            if (sa == null) {
                continue;
            }
            Node.MapNode map = (Node.MapNode) n;
            for (RigSa o : out) {
                if (o.name().equals(sa.name())) {
                    p.error(map.entries().get("name").value().location(), at + ".name", "duplicate SA name '" + sa.name() + "'");
                } else if (o.spi() == sa.spi() && o.direction() == sa.direction()) {
                    p.error(map.entries().get("spi").value().location(), at + ".spi", String.format(
                            "SPI 0x%08x is also %s's: one direction cannot have two SAs with one SPI (RFC 4303 §2.1)",
                            sa.spi(), o.name()));
                }
            }
            out.add(sa);
        }
        return p.cleanSince(mark) ? out : null;
    }

    private static RigSa sa(Node n, String path, Problems p, Path baseDir) {
        int mark = p.mark();
        MapReader m = MapReader.of(n, path, p, KEYS);
        if (m == null) {
            return null;
        }
        String name = m.name("name", true);
        Long spi = spi(m);
        Direction direction = m.choice("direction", RigWords.DIRECTION, true);
        EspMode mode = m.choice("mode", RigWords.ESP_MODE, true);
        Cipher cipher = m.choice("cipher", RigWords.CIPHER, true);
        Integrity integrity = integrity(m, cipher);
        Boolean esn = m.bool("esn", false);
        Integer window = replayWindow(m, direction);
        Inet4Address[] tunnel = tunnel(m, mode);
        KeyRef enc = m.require("encryption-key")
                ? KeyReader.read(m.get("encryption-key"), m.pathOf("encryption-key"), p, baseDir,
                        cipher == null ? -1 : cipher.keyMaterialLength(), cipher == null ? "" : cipher.name())
                : null;
        KeyRef auth = authenticationKey(m, integrity, baseDir);
        if (!p.cleanSince(mark)) {
            return null;
        }
        return new RigSa(name, spi, direction, mode, cipher, integrity, Boolean.TRUE.equals(esn), window,
                Optional.ofNullable(tunnel[0]), Optional.ofNullable(tunnel[1]), enc, Optional.ofNullable(auth));
    }

    private static Long spi(MapReader m) {
        Long spi = m.integerOrHex("spi", 0, 0xFFFF_FFFFL, true);
        if (spi != null && spi < 256) {
            m.error("spi", "SPI values 0 to 255 are reserved (RFC 4303 §2.1); use 256 (0x100) or above");
            return null;
        }
        return spi;
    }

    /** Required with a CBC cipher; NONE (the default) with an AEAD cipher, whose tag is the ICV. */
    private static Integrity integrity(MapReader m, Cipher cipher) {
        Integrity integrity = m.choice("integrity", RigWords.INTEGRITY, false);
        if (cipher == null) {
            return integrity;
        }
        if (cipher.isAead()) {
            if (integrity != null && integrity != Integrity.NONE) {
                m.error("integrity", cipher.name() + " is AEAD and carries its own ICV (RFC 4106 §2): "
                        + "leave integrity out or set it to NONE");
                return null;
            }
            return Integrity.NONE;
        }
        if (!m.has("integrity")) {
            m.error("missing required key 'integrity' (" + cipher.name() + " needs one)");
        } else if (integrity == Integrity.NONE) {
            m.error("integrity", "integrity NONE is only for AEAD ciphers; " + cipher.name() + " needs an HMAC");
            return null;
        }
        return integrity;
    }

    private static Integer replayWindow(MapReader m, Direction direction) {
        Long w = m.integer("replay-window", 0, 0xFFFF, false);
        if (w != null && direction == Direction.OUTBOUND) {
            m.error("replay-window", "the anti-replay window applies to inbound SAs only (RFC 4303 §3.4.3)");
            return null;
        }
        if (w != null) {
            return w.intValue();
        }
        return direction == Direction.INBOUND ? RigSa.DEFAULT_REPLAY_WINDOW : 0;
    }

    private static Inet4Address[] tunnel(MapReader m, EspMode mode) {
        Inet4Address[] out = new Inet4Address[2];
        if (mode == EspMode.TUNNEL && !m.has("tunnel")) {
            m.error("missing required key 'tunnel' (tunnel mode needs {source: IP, destination: IP})");
        } else if (mode == EspMode.TRANSPORT && m.has("tunnel")) {
            m.error("tunnel", "tunnel addresses apply to tunnel mode only; this SA is in transport mode");
        } else if (mode == EspMode.TUNNEL) {
            MapReader t = MapReader.of(m.get("tunnel"), m.pathOf("tunnel"), m.problems(), TUNNEL_KEYS);
            if (t != null) {
                out[0] = t.require("source") ? Addresses.ipv4(t.get("source"), t.pathOf("source"), m.problems()) : null;
                out[1] = t.require("destination")
                        ? Addresses.ipv4(t.get("destination"), t.pathOf("destination"), m.problems()) : null;
            }
        }
        return out;
    }

    private static KeyRef authenticationKey(MapReader m, Integrity integrity, Path baseDir) {
        if (integrity == null) {
            return null;
        }
        if (integrity == Integrity.NONE) {
            if (m.has("authentication-key")) {
                m.error("authentication-key", "an AEAD SA has no separate authentication key");
            }
            return null;
        }
        if (!m.has("authentication-key")) {
            m.error("missing required key 'authentication-key' (" + integrity.name() + " needs one)");
            return null;
        }
        return KeyReader.read(m.get("authentication-key"), m.pathOf("authentication-key"), m.problems(), baseDir,
                integrity.keyLength(), integrity.name());
    }
}
