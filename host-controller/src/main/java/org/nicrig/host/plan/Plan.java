package org.nicrig.host.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A test plan: steps run in order against a rig, with expectations checked along the way.
 * Loaded by {@link PlanLoader}; the shipped ones are in {@code test-plans/}, described by
 * {@code schemas/plan.schema.json}.
 *
 * @param rig     the rig file the plan names, resolved against the plan's folder; absent means
 *                the runner's default (rigs/emulated.yaml) or the one given on its command line
 * @param seed    makes traffic, faults and job order reproducible (design invariant 6)
 * @param timeout the whole plan's limit; every step's timeout fits inside it
 * @param team    settings this plan changes on the rig's team
 */
public record Plan(String name, String description, Optional<Path> rig, OptionalLong seed, Duration timeout,
                   TeamOverrides team, List<Step> steps) {

    public Plan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rig, "rig");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(team, "team");
        steps = List.copyOf(steps);
    }

    /** Every step, groups before their members, in document order. */
    public List<Step> allSteps() {
        List<Step> out = new ArrayList<>();
        flatten(steps, out);
        return out;
    }

    /** The step of that name, at any depth. */
    public Optional<Step> step(String stepName) {
        return allSteps().stream().filter(s -> s.name().equals(stepName)).findFirst();
    }

    private static void flatten(List<Step> steps, List<Step> out) {
        for (Step s : steps) {
            out.add(s);
            if (s instanceof Step.Parallel p) {
                flatten(p.steps(), out);
            }
        }
    }
}
