package org.nicrig.host.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nicrig.host.config.DidYouMean;
import org.nicrig.host.config.Location;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Problems;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigSa;
import org.nicrig.protocol.message.Direction;

/**
 * What reading one plan needs besides the node at hand: the error sink, the rig to check names
 * against (null when none is known: then members and SAs are not cross-checked) and the step index.
 */
final class PlanContext {
    final Problems problems;
    final Rig rig;
    final StepIndex index;

    PlanContext(Problems problems, Rig rig, StepIndex index) {
        this.problems = problems;
        this.rig = rig;
        this.index = index;
    }

    /** The rig's devices and every member a hot-swap step adds. */
    List<String> members() {
        List<String> all = new ArrayList<>(rig.deviceNames());
        index.addedMembers().stream().filter(a -> !all.contains(a)).sorted().forEach(all::add);
        return all;
    }

    /** A member name under {@code key}, checked against the rig when there is one. */
    String member(MapReader m, String key, boolean required) {
        String name = m.name(key, required);
        if (name != null && rig != null && !members().contains(name)) {
            m.error(key, "unknown member '" + name + "'" + DidYouMean.hint(name, members()));
            return null;
        }
        return name;
    }

    /** An SA name, checked against the rig: it exists and its direction is one of {@code allowed}. */
    String sa(MapReader m, String key, Set<Direction> allowed, String user) {
        String name = m.name(key, true);
        return name == null ? null : checkSa(name, m.at(key), m.pathOf(key), allowed, user);
    }

    String checkSa(String name, Location at, String path, Set<Direction> allowed, String user) {
        if (rig == null) {
            return name;
        }
        RigSa sa = rig.sa(name).orElse(null);
        if (sa == null) {
            problems.error(at, path, "unknown SA '" + name + "'" + DidYouMean.hint(name, rig.saNames()));
            return null;
        }
        if (!allowed.contains(sa.direction())) {
            problems.error(at, path, "SA '" + name + "' is " + sa.direction().name().toLowerCase()
                    + "; " + user + " needs an " + (allowed.contains(Direction.OUTBOUND) ? "outbound" : "inbound") + " SA");
            return null;
        }
        return name;
    }

    /**
     * A fault's {@code after:} target: a step that can finish while this one waits, i.e. an
     * earlier top-level step or a sibling running in the same parallel group.
     */
    String after(MapReader m, String self) {
        String target = m.name("after", true);
        StepIndex.Place to = target == null ? null : known(m, "after", target);
        if (to == null) {
            return null;
        }
        StepIndex.Place me = self == null ? null : index.place(self);
        if (target.equals(self)) {
            m.error("after", "a step cannot wait for itself");
            return null;
        }
        if (me != null && me.isInside(to)) {
            m.error("after", "'" + target + "' is the parallel group this step belongs to: it cannot finish before this step does");
            return null;
        }
        if (me != null && to.top() > me.top()) {
            m.error("after", "step '" + target + "' runs later in the plan (steps run in order): this step would wait forever");
            return null;
        }
        return target;
    }

    /** An expectation's {@code step:}: a step that has finished by the time the expect step runs. */
    String earlierStep(MapReader m, String key, String self) {
        String target = m.name(key, true);
        StepIndex.Place to = target == null ? null : known(m, key, target);
        StepIndex.Place me = self == null ? null : index.place(self);
        if (to != null && me != null && to.top() >= me.top()) {
            m.error(key, "step '" + target + "' has not finished when expect step '" + self + "' runs");
            return null;
        }
        return to == null ? null : target;
    }

    private StepIndex.Place known(MapReader m, String key, String target) {
        StepIndex.Place to = index.place(target);
        if (to == null) {
            m.error(key, "unknown step '" + target + "'" + DidYouMean.hint(target, index.names()));
        }
        return to;
    }
}
