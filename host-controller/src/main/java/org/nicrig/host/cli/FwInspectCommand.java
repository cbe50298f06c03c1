package org.nicrig.host.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nicrig.host.config.Choice;
import org.nicrig.host.firmware.ImageFiles;
import org.nicrig.host.firmware.ManifestWriter;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.Sha256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nicrig fw inspect IMG [--json]}: what an image holds. The manifest is printed as the
 * YAML {@code nicrig fw pack} reads, so it can be copied into a new manifest.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Prints what an image holds: sizes, payload SHA-256, the image digest FW_BEGIN carries,",
                "who signed it (key id) or that it is unsigned, and its manifest as the YAML pack reads.",
                "Checks the format (with the byte offset of any fault), not the signature: see verify."})
final class FwInspectCommand implements Callable<Integer> {
    private static final HexFormat HEX = HexFormat.of();

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "IMG", description = "The image.")
    private Path image;

    @Option(names = "--json", description = "Print one JSON object instead, for scripts.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        FirmwareImage img = ImageFiles.read(image);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(image, img) : text(image, img));
        out.flush();
        return ExitCode.OK;
    }

    static String text(Path file, FirmwareImage img) {
        int size = img.toBytes().length;
        int header = img.signedBytes().length - img.payload().length();
        StringBuilder b = new StringBuilder();
        b.append("image      ").append(file).append('\n');
        b.append("size       ").append(size).append(" bytes: header ").append(header).append(", payload ")
                .append(img.payload().length()).append(", trailer ").append(size - header - img.payload().length())
                .append(" (format ").append(FirmwareImage.FORMAT_VERSION).append(")\n");
        b.append("payload    SHA-256 ").append(HEX.formatHex(Sha256.of(img.payload().toArray()))).append('\n');
        b.append("digest     SHA-256 ").append(HEX.formatHex(img.digest())).append("  (the whole image: FW_BEGIN's imageDigest)\n");
        b.append("signature  ").append(img.signature().map(s -> "Ed25519 by key id " + s.keyId().hex()).orElse("unsigned"))
                .append('\n');
        b.append("manifest:\n");
        ManifestWriter.yaml(img.manifest()).lines().forEach(l -> b.append("  ").append(l).append('\n'));
        return b.toString();
    }

    static String json(Path file, FirmwareImage img) throws JsonProcessingException {
        ImageManifest m = img.manifest();
        ImageCapabilities c = m.capabilities();
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("vendor", m.target().vendorId());
        target.put("device", m.target().deviceId());
        target.put("revisionMin", m.target().revisionMin());
        target.put("revisionMax", m.target().revisionMax());
        List<Map<String, Object>> ciphers = c.ciphers().stream().map(r -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("cipher", Choice.lowerDashed(r.cipher().name()));
            x.put("transformId", r.cipher().transformId());
            x.put("keyBits", r.cipher().keyBits());
            x.put("rate", r.bytesPerSecond());
            return x;
        }).toList();
        List<Map<String, Object>> integrities = c.integrities().stream().map(i -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("integrity", Choice.lowerDashed(i.name()));
            x.put("transformId", i.transformId());
            return x;
        }).toList();
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("engine", c.engine());
        caps.put("secondaryUse", c.secondaryUse());
        caps.put("ciphers", ciphers);
        caps.put("integrities", integrities);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("target", target);
        manifest.put("version", m.version().toString());
        manifest.put("rollback", m.rollbackCounter());
        manifest.put("capabilities", caps);
        manifest.put("modelDefects", m.modelDefects());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("length", img.payload().length());
        payload.put("sha256", HEX.formatHex(Sha256.of(img.payload().toArray())));
        Map<String, Object> signature = img.signature().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("algorithm", "ed25519");
            x.put("keyId", s.keyId().hex());
            x.put("signature", s.signature().hex());
            return x;
        }).orElse(null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", file.toString());
        root.put("size", img.toBytes().length);
        root.put("formatVersion", FirmwareImage.FORMAT_VERSION);
        root.put("headerLength", img.signedBytes().length - img.payload().length());
        root.put("manifest", manifest);
        root.put("payload", payload);
        root.put("digest", HEX.formatHex(img.digest()));
        root.put("signature", signature);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                .replace("\r\n", "\n") + "\n";
    }
}
