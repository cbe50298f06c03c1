package org.nicrig.host.firmware;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nicrig.host.config.Choice;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.config.Location;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Node.ListNode;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.Scalars;
import org.nicrig.host.config.YamlTree;
import org.nicrig.host.rig.Ranges;
import org.nicrig.host.rig.RigWords;
import org.nicrig.model.defect.Defect;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/**
 * Reads the YAML manifest {@code nicrig fw pack} packs (firmware/examples/, schema
 * schemas/firmware-manifest.schema.json) into an {@link ImageManifest}, reporting every error as
 * {@code file:line:col: path: problem}, like rigs and plans. Ciphers and integrities are spelt as
 * in rigs ({@code aes-128-cbc} or {@code AES_128_CBC}); defects as fpga-crypto-model names them.
 *
 * <pre>{@code
 * ImageManifest m = ManifestReader.load(Path.of("firmware/examples/fpga-aes-1.5.0.yaml")); // throws ConfigErrors
 * }</pre>
 */
public final class ManifestReader {
    static final List<String> KEYS = List.of("target", "version", "rollback", "capabilities", "model");
    static final List<String> TARGET_KEYS = List.of("vendor", "device", "revision");
    static final List<String> CAPABILITY_KEYS = List.of("engine", "secondary-use", "ciphers", "integrities");
    static final List<String> CIPHER_KEYS = List.of("cipher", "rate");
    static final List<String> MODEL_KEYS = List.of("defects");
    /** The defects the device model knows (fpga-crypto-model/DEFECTS.md), by their names there. */
    public static final Choice<Defect> DEFECT = Choice.exactNames("defect", Defect.class);

    private ManifestReader() {
    }

    public static ImageManifest load(Path file) throws ConfigErrors {
        Problems p = new Problems(file.toString());
        ImageManifest m = read(file, p);
        if (!p.isEmpty()) {
            throw new ConfigErrors(p.errors());
        }
        return m;
    }

    /** The manifest, or null with the errors in {@code p}. */
    public static ImageManifest read(Path file, Problems p) {
        Node root = YamlTree.read(file, p);
        return root == null ? null : read(root, p);
    }

    public static ImageManifest read(Node root, Problems p) {
        int mark = p.mark();
        MapReader m = MapReader.of(root, "", p, KEYS);
        if (m == null) {
            return null;
        }
        ImageTarget target = m.require("target") ? target(m.get("target"), m.pathOf("target"), p) : null;
        FirmwareVersion version = m.require("version") ? Ranges.firmware(m.get("version"), m.pathOf("version"), p) : null;
        Long rollback = m.integer("rollback", 0, 0xFFFF_FFFFL, true);
        ImageCapabilities caps = m.require("capabilities") ? capabilities(m.get("capabilities"), m.pathOf("capabilities"), p) : null;
        List<String> defects = m.has("model") ? model(m.get("model"), m.pathOf("model"), p) : List.of();
        if (!p.cleanSince(mark)) {
            return null;
        }
        try {
            return new ImageManifest(target, version, rollback, caps, defects);
        } catch (IllegalArgumentException e) {
            m.error(e.getMessage()); // every rule of the format is checked above; this is a backstop
            return null;
        }
    }

    private static ImageTarget target(Node n, String path, Problems p) {
        int mark = p.mark();
        MapReader m = MapReader.of(n, path, p, TARGET_KEYS);
        if (m == null) {
            return null;
        }
        Long vendor = m.integerOrHex("vendor", 0, 0xFFFF, true);
        Long device = m.integerOrHex("device", 0, 0xFFFF, true);
        int[] revision = m.require("revision") ? Ranges.revisionRange(m.get("revision"), m.pathOf("revision"), p) : null;
        return p.cleanSince(mark) ? new ImageTarget(vendor.intValue(), device.intValue(), revision[0], revision[1]) : null;
    }

    private static ImageCapabilities capabilities(Node n, String path, Problems p) {
        int mark = p.mark();
        MapReader m = MapReader.of(n, path, p, CAPABILITY_KEYS);
        if (m == null) {
            return null;
        }
        Boolean engine = m.bool("engine", true);
        Boolean secondary = m.has("secondary-use") ? m.bool("secondary-use", true) : Boolean.FALSE;
        ListNode cipherList = m.list("ciphers", false);
        List<CipherRate> ciphers = cipherList == null ? List.of() : ciphers(cipherList, m.pathOf("ciphers"), p);
        ListNode integrityList = m.list("integrities", false);
        List<Integrity> integrities = integrityList == null ? List.of()
                : unique(integrityList, m.pathOf("integrities"), p, RigWords.INTEGRITY);
        if (Boolean.FALSE.equals(engine)) {
            // IDENTIFY's rule (PROTOCOL.md §5.2): no engine, nothing to offer
            for (String key : List.of("ciphers", "integrities")) {
                if (m.get(key) instanceof ListNode l && !l.items().isEmpty()) {
                    m.error(key, "a firmware without an engine (engine: false) offers no " + key);
                }
            }
            if (Boolean.TRUE.equals(secondary)) {
                m.error("secondary-use", "a firmware without an engine (engine: false) cannot grant secondary use");
            }
        }
        if (!p.cleanSince(mark)) {
            return null;
        }
        return new ImageCapabilities(engine, secondary, ciphers, integrities);
    }

    private static List<CipherRate> ciphers(ListNode list, String path, Problems p) {
        int mark = p.mark();
        List<CipherRate> out = new ArrayList<>();
        Map<Cipher, Location> seen = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            String at = path + "[" + i + "]";
            MapReader m = MapReader.of(list.items().get(i), at, p, CIPHER_KEYS);
            if (m == null) {
                continue;
            }
            Cipher c = m.choice("cipher", RigWords.CIPHER, true);
            Long rate = m.require("rate") ? ByteRates.read(m.get("rate"), m.pathOf("rate"), p) : null;
            if (c != null) {
                Location first = seen.putIfAbsent(c, m.at("cipher"));
                if (first != null) {
                    m.error("cipher", ((Node.ScalarNode) m.get("cipher")).text() + " is listed twice (first at line "
                            + first.line() + "): one rate per cipher");
                }
            }
            if (c != null && rate != null) {
                out.add(new CipherRate(c, rate));
            }
        }
        return p.cleanSince(mark) ? out : List.of();
    }

    private static List<String> model(Node n, String path, Problems p) {
        MapReader m = MapReader.of(n, path, p, MODEL_KEYS);
        if (m == null) {
            return List.of();
        }
        ListNode list = m.list("defects", false);
        return list == null ? List.of() : unique(list, m.pathOf("defects"), p, DEFECT).stream().map(Defect::name).toList();
    }

    /** The items of {@code list} as {@code choice} values, each at most once. */
    private static <E> List<E> unique(ListNode list, String path, Problems p, Choice<E> choice) {
        List<E> out = new ArrayList<>();
        Map<E, Location> seen = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String at = path + "[" + i + "]";
            E e = Scalars.choice(item, at, p, choice);
            if (e == null) {
                continue;
            }
            Location first = seen.putIfAbsent(e, item.location());
            if (first != null) {
                p.error(item.location(), at, ((Node.ScalarNode) item).text() + " is listed twice (first at line " + first.line() + ")");
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
