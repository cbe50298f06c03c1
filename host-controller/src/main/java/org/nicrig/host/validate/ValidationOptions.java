package org.nicrig.host.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.nicrig.host.compare.ComparisonSettings;

/**
 * What {@code nicrig validate-firmware} asks for.
 *
 * @param plans    plan files, in the order to run them (each is run on both images)
 * @param seed     the seed for every plan on both images; empty: one is picked and printed
 * @param outDir   OUT: {@code OUT/baseline/PLAN/}, {@code OUT/candidate/PLAN/}, {@code OUT/nvm/},
 *                 {@code comparison.json}, {@code comparison.html}; must not hold a previous validation
 */
public record ValidationOptions(Path rig, Path baseline, Path candidate, List<Path> plans, OptionalLong seed,
                                Path outDir, ComparisonSettings settings, ValidationListener listener) {
    public ValidationOptions {
        Objects.requireNonNull(rig, "rig");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        plans = List.copyOf(plans);
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("at least one plan");
        }
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
    }
}
