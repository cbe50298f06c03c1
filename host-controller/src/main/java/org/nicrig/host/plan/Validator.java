package org.nicrig.host.plan;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nicrig.host.config.ConfigException;
import org.nicrig.host.config.Location;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.YamlTree;
import org.nicrig.host.firmware.ManifestReader;
import org.nicrig.host.rig.RigLoader;

/**
 * {@code nicrig validate FILES...}: loads each rig and plan file (and the rig each plan names)
 * and reports every error, located. Whether a file is a rig or a plan is told by its content
 * ({@code devices:} or {@code steps:}), then by its {@code $schema} comment, then by its folder.
 */
public final class Validator {
    private static final Pattern SCHEMA_COMMENT = Pattern.compile("#\\s*yaml-language-server:\\s*\\$schema=(\\S+)\\s*");

    /** Exit code when some file has errors (or no file was named). */
    public static final int EXIT_INVALID = 2;

    private Validator() {
    }

    /** What kind of file this is. */
    public enum Kind { RIG, PLAN, MANIFEST }

    /** Every error in every file, in file and line order, each once. */
    public static List<ConfigException> validate(List<Path> files) {
        List<ConfigException> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(validate(f));
        }
        return Problems.sorted(all);
    }

    static List<ConfigException> validate(Path file) {
        Problems p = new Problems(file.toString());
        Node root = YamlTree.read(file, p);
        if (root != null) {
            Kind kind = kind(root, file);
            if (kind == null) {
                p.error(Location.START, "", "cannot tell whether this is a rig (it would have devices:), "
                        + "a plan (steps:) or a firmware manifest (target: and capabilities:)");
            } else if (kind == Kind.RIG) {
                RigLoader.read(root, file, p);
            } else if (kind == Kind.MANIFEST) {
                ManifestReader.read(root, p);
            } else {
                PlanLoader.read(root, file, p, null);
            }
        }
        return p.errors();
    }

    /**
     * The command's body: prints one line per error to {@code err} and a summary to {@code out};
     * returns 0 when every file is valid, {@link #EXIT_INVALID} otherwise. Never prints a stack trace.
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("usage: nicrig validate FILE...   (rig, test-plan and firmware-manifest YAML files)");
            return EXIT_INVALID;
        }
        List<ConfigException> errors = new ArrayList<>();
        for (String a : args) {
            try {
                errors.addAll(validate(Path.of(a)));
            } catch (RuntimeException e) {
                // a bug in a loader, not in the file; still one line, and the other files are checked
                errors.add(new ConfigException(a, Location.NONE, "", "internal error while validating (please report): " + e));
            }
        }
        errors = Problems.sorted(errors);
        errors.forEach(e -> err.println(e.getMessage()));
        long bad = errors.stream().map(ConfigException::file).distinct().count();
        if (errors.isEmpty()) {
            out.println(args.size() + (args.size() == 1 ? " file" : " files") + " valid");
            return 0;
        }
        out.println(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in " + bad + " of "
                + args.size() + (args.size() == 1 ? " file" : " files"));
        return EXIT_INVALID;
    }

    static Kind kind(Node root, Path file) {
        if (root instanceof Node.MapNode m) {
            if (m.entries().containsKey("steps")) {
                return Kind.PLAN;
            }
            if (m.entries().containsKey("devices")) {
                return Kind.RIG;
            }
            if (m.entries().containsKey("target") && m.entries().containsKey("capabilities")) {
                return Kind.MANIFEST;
            }
        }
        String schema = schemaComment(file);
        if (schema != null) {
            return schema.endsWith("plan.schema.json") ? Kind.PLAN : schema.endsWith("rig.schema.json") ? Kind.RIG
                    : schema.endsWith("firmware-manifest.schema.json") ? Kind.MANIFEST : null;
        }
        for (Path part : file.toAbsolutePath().normalize()) {
            String folder = part.toString();
            if (folder.equals("test-plans") || folder.equals("plans")) {
                return Kind.PLAN;
            }
            if (folder.equals("rigs")) {
                return Kind.RIG;
            }
        }
        return null;
    }

    /** The schema a {@code # yaml-language-server: $schema=...} comment names, or null. */
    private static String schemaComment(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.limit(5)
                    .map(l -> SCHEMA_COMMENT.matcher(l))
                    .filter(Matcher::matches)
                    .map(x -> x.group(1))
                    .findFirst().orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }
}
