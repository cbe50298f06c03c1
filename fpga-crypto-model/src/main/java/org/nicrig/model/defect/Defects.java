package org.nicrig.model.defect;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The defects a device (or one SA) has, and the seed that makes any choice they involve
 * reproducible (design invariant 6). Engine defects act on every packet they apply to; a device
 * defect that needs a choice (which job to drop) draws it from {@link #random(Defect)}, so the same
 * seed gives the same choices every run.
 *
 * @param active the defects present; copied, never null
 * @param seed   the seed for any choice a defect makes
 */
public record Defects(Set<Defect> active, long seed) {
    /** A correct device. */
    public static final Defects NONE = new Defects(Set.of(), 0L);

    public Defects {
        Objects.requireNonNull(active, "active");
        EnumSet<Defect> copy = EnumSet.noneOf(Defect.class);
        copy.addAll(active);
        active = Collections.unmodifiableSet(copy);
    }

    public static Defects of(long seed, Defect... defects) {
        return new Defects(defects.length == 0 ? Set.of() : EnumSet.of(defects[0], defects), seed);
    }

    public static Defects of(long seed, Collection<Defect> defects) {
        return new Defects(Set.copyOf(defects), seed);
    }

    public boolean has(Defect defect) {
        return active.contains(defect);
    }

    public boolean isEmpty() {
        return active.isEmpty();
    }

    /**
     * A random stream for one defect, fixed by the seed and the defect's name (not its ordinal, so
     * adding a defect does not change the others' streams).
     */
    public SplittableRandom random(Defect defect) {
        return new SplittableRandom(seed ^ (0x9E37_79B9_7F4A_7C15L * defect.name().hashCode()));
    }
}
