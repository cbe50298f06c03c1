package org.nicrig.host.firmware;

import java.util.List;
import java.util.Locale;
import org.nicrig.host.config.Choice;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageTarget;

/**
 * An image's manifest as the YAML {@link ManifestReader} reads: what {@code nicrig fw inspect}
 * prints, so an image's manifest can be copied, changed and packed again.
 */
public final class ManifestWriter {
    private ManifestWriter() {
    }

    public static String yaml(ImageManifest m) {
        ImageTarget t = m.target();
        ImageCapabilities c = m.capabilities();
        StringBuilder b = new StringBuilder();
        b.append("target:\n");
        b.append(String.format(Locale.ROOT, "  vendor: 0x%04x%n", t.vendorId()));
        b.append(String.format(Locale.ROOT, "  device: 0x%04x%n", t.deviceId()));
        b.append(t.revisionMin() == t.revisionMax()
                ? String.format(Locale.ROOT, "  revision: 0x%02x%n", t.revisionMin())
                : String.format(Locale.ROOT, "  revision: 0x%02x..0x%02x%n", t.revisionMin(), t.revisionMax()));
        b.append("version: ").append(m.version()).append('\n');
        b.append("rollback: ").append(m.rollbackCounter()).append('\n');
        b.append("capabilities:\n");
        b.append("  engine: ").append(c.engine()).append('\n');
        b.append("  secondary-use: ").append(c.secondaryUse()).append('\n');
        if (!c.ciphers().isEmpty()) {
            b.append("  ciphers:\n");
            for (CipherRate r : c.ciphers()) {
                b.append("    - {cipher: ").append(Choice.lowerDashed(r.cipher().name())).append(", rate: ")
                        .append(ByteRates.format(r.bytesPerSecond())).append("}\n");
            }
        }
        if (!c.integrities().isEmpty()) {
            b.append("  integrities: [")
                    .append(String.join(", ", c.integrities().stream().map(i -> Choice.lowerDashed(i.name())).toList()))
                    .append("]\n");
        }
        List<String> defects = m.modelDefects();
        if (!defects.isEmpty()) {
            b.append("model:\n  defects: [").append(String.join(", ", defects.stream().map(ManifestWriter::scalar).toList()))
                    .append("]\n");
        }
        return b.toString().replace(System.lineSeparator(), "\n");
    }

    /** A name as a YAML flow scalar: plain when it can be, else single-quoted (an image may carry any name). */
    private static String scalar(String s) {
        return s.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*") ? s : "'" + s.replace("'", "''") + "'";
    }
}
