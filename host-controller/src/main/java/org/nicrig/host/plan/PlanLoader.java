package org.nicrig.host.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.config.ConfigException;
import org.nicrig.host.config.DidYouMean;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.YamlTree;
import org.nicrig.host.rig.Fig4Mode;
import org.nicrig.host.rig.PrimaryReselect;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigLoader;
import org.nicrig.host.rig.RigWords;
import org.nicrig.host.rig.TeamMode;

/**
 * Loads a test plan into a {@link Plan}, reporting every error with file, line, column and path.
 * Member and SA names are checked against a rig: the one given, else the one the plan names
 * ({@code rig:}, relative to the plan's folder), else none (then they are checked at run time).
 *
 * <pre>{@code
 * Plan plan = PlanLoader.load(Path.of("test-plans/aft-failover.yaml"));       // its own rig
 * Plan plan = PlanLoader.load(Path.of("test-plans/smoke.yaml"), benchRig);    // the runner's --rig
 * }</pre>
 */
public final class PlanLoader {
    static final List<String> KEYS = List.of("name", "description", "rig", "seed", "timeout", "team", "steps");
    static final List<String> TEAM_KEYS = List.of("mode", "primary", "primary-reselect", "fig4");

    private PlanLoader() {
    }

    public static Plan load(Path file) throws ConfigErrors {
        return load(file, null);
    }

    /** @param rig the rig to check names against instead of the plan's own, or null */
    public static Plan load(Path file, Rig rig) throws ConfigErrors {
        Problems p = new Problems(file.toString());
        Node root = YamlTree.read(file, p);
        Plan plan = root == null ? null : read(root, file, p, rig);
        if (!p.isEmpty()) {
            throw new ConfigErrors(p.errors());
        }
        return plan;
    }

    /**
     * The plan in {@code root} (read from {@code file}), or null with the errors in {@code p};
     * errors in the plan's own rig are added to {@code p} under the rig's file name.
     */
    public static Plan read(Node root, Path file, Problems p, Rig rigOverride) {
        int mark = p.mark();
        MapReader m = MapReader.of(root, "", p, KEYS);
        if (m == null) {
            return null;
        }
        String name = m.name("name", true);
        String description = m.string("description", false);
        Path rigPath = m.has("rig") ? rigPath(m, file) : null;
        Rig rig = rigOverride != null ? rigOverride : rigPath != null ? loadRig(m, rigPath, p) : null;
        Long seed = m.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, false);
        Duration timeout = m.duration("timeout", true, true);
        TeamOverrides team = m.has("team") ? team(m.get("team"), m.pathOf("team"), p, rig) : TeamOverrides.NONE;
        Node.ListNode stepsNode = m.list("steps", true);
        List<Step> steps = null;
        if (stepsNode != null) {
            StepIndex index = StepIndex.of(stepsNode, m.pathOf("steps"), p);
            PlanContext ctx = new PlanContext(p, rig, index);
            steps = StepReader.readAll(stepsNode, m.pathOf("steps"), ctx, timeout, "the plan's timeout");
        }
        if (!p.cleanSince(mark)) {
            return null;
        }
        return new Plan(name, description == null ? "" : description, Optional.ofNullable(rigPath),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed), timeout, team, steps);
    }

    private static Path rigPath(MapReader m, Path planFile) {
        String text = m.string("rig", true);
        if (text == null) {
            return null;
        }
        Path dir = planFile.getParent() == null ? Path.of("") : planFile.getParent();
        return dir.resolve(text).normalize();
    }

    /** The plan's own rig, its errors kept under its own file name; null if it has any. */
    private static Rig loadRig(MapReader m, Path rigPath, Problems p) {
        Problems rigProblems = new Problems(rigPath.toString());
        Rig rig = RigLoader.read(rigPath, rigProblems);
        List<ConfigException> errors = rigProblems.errors();
        if (errors.size() == 1 && errors.get(0).line() == 0) {
            m.error("rig", "cannot load rig " + rigPath + ": " + errors.get(0).problem());
            return null;
        }
        errors.forEach(p::add);
        return rig;
    }

    private static TeamOverrides team(Node n, String path, Problems p, Rig rig) {
        int mark = p.mark();
        MapReader m = MapReader.of(n, path, p, TEAM_KEYS);
        if (m == null) {
            return null;
        }
        TeamMode mode = m.choice("mode", RigWords.TEAM_MODE, false);
        String primary = m.name("primary", false);
        if (primary != null && rig != null && rig.device(primary).isEmpty()) {
            m.error("primary", "unknown device '" + primary + "'" + DidYouMean.hint(primary, rig.deviceNames()));
        }
        PrimaryReselect reselect = m.choice("primary-reselect", RigWords.RESELECT, false);
        Fig4Mode fig4 = m.choice("fig4", RigWords.FIG4, false);
        if (!p.cleanSince(mark)) {
            return null;
        }
        return new TeamOverrides(Optional.ofNullable(mode), Optional.ofNullable(primary), Optional.ofNullable(reselect),
                Optional.ofNullable(fig4));
    }
}
