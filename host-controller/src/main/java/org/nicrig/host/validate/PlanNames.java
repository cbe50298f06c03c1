package org.nicrig.host.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code --plan NAME|FILE}: a bare name means {@code test-plans/NAME.yaml} of the nicrig installation. */
public final class PlanNames {
    /** The plan run when none is given: the one written for new firmware. */
    public static final String DEFAULT = "conformance";

    private PlanNames() {
    }

    /**
     * A path as given when it looks like one (has a folder or ends in .yaml/.yml); otherwise
     * {@code home/test-plans/NAME.yaml}, which must exist.
     *
     * @throws ValidationException no shipped plan of that name (with the names there are)
     */
    public static Path resolve(String nameOrFile, Path home) throws ValidationException {
        if (nameOrFile.contains("/") || nameOrFile.contains(java.io.File.separator) || nameOrFile.endsWith(".yaml")
                || nameOrFile.endsWith(".yml")) {
            return Path.of(nameOrFile);
        }
        Path dir = home.resolve("test-plans");
        Path file = dir.resolve(nameOrFile + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new ValidationException("no plan named '" + nameOrFile + "' in " + dir + " (there are: "
                    + String.join(", ", shipped(dir)) + "); give a NAME from there or a FILE");
        }
        return file;
    }

    private static List<String> shipped(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
