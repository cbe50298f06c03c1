package org.nicrig.host.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code nicrig run} asks for.
 *
 * @param plan     the test plan file
 * @param rig      the rig file; empty: the plan's {@code rig:}, else {@code rigs/emulated.yaml}
 * @param seed     overrides the plan's seed; the seed in force is printed at the start of every run
 * @param outDir   where the journal, reports and pcaps go (created; must not hold a previous run)
 * @param verbose  journal every packet and job, not only failures and progress
 * @param nvmDir   where emulated devices keep their firmware slots and EEPROM ({@code DIR/NAME},
 *                 {@link org.nicrig.host.rig.Rig#withNvmDir}); empty: in memory, factory state
 */
public record RunOptions(Path plan, Optional<Path> rig, OptionalLong seed, Path outDir, boolean verbose,
                         ProgressListener progress, Optional<Path> nvmDir) {

    /** Emulated devices in memory: each run starts from their factory state. */
    public RunOptions(Path plan, Optional<Path> rig, OptionalLong seed, Path outDir, boolean verbose, ProgressListener progress) {
        this(plan, rig, seed, outDir, verbose, progress, Optional.empty());
    }

    public RunOptions {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(rig, "rig");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(nvmDir, "nvmDir");
    }
}
