package org.nicrig.host.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a run's files go when {@code --out} is not given. */
final class OutDirs {
    static final Path ROOT = Path.of("nicrig-out");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutDirs() {
    }

    /** {@code nicrig-out/smoke-20250102-030405} for {@code test-plans/smoke.yaml} run at that time. */
    static Path defaultFor(Path plan, LocalDateTime now) {
        Path fileName = plan.getFileName();
        String name = fileName == null ? "plan" : fileName.toString().replaceFirst("\\.(ya?ml)$", "");
        return ROOT.resolve(name + "-" + STAMP.format(now));
    }
}
