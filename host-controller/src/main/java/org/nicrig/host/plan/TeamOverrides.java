package org.nicrig.host.plan;

import java.util.Objects;
import java.util.Optional;
import org.nicrig.host.rig.Fig4Mode;
import org.nicrig.host.rig.PrimaryReselect;
import org.nicrig.host.rig.TeamMode;
import org.nicrig.host.rig.TeamSettings;

/**
 * A plan's {@code team:} block: the few team settings a plan may change for its run, so that one
 * rig serves AFT and ALB plans, FIG. 4 return and direct-MAC plans. Anything not given is as the
 * rig says.
 */
public record TeamOverrides(Optional<TeamMode> mode, Optional<String> primary, Optional<PrimaryReselect> primaryReselect,
                            Optional<Fig4Mode> fig4) {
    public static final TeamOverrides NONE = new TeamOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public TeamOverrides {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(primaryReselect, "primaryReselect");
        Objects.requireNonNull(fig4, "fig4");
    }

    /** The rig's settings with this plan's changes. */
    public TeamSettings applyTo(TeamSettings rig) {
        TeamSettings t = rig;
        t = mode.map(t::withMode).orElse(t);
        t = primary.map(t::withPrimary).orElse(t);
        t = primaryReselect.map(t::withPrimaryReselect).orElse(t);
        return fig4.map(t::withFig4).orElse(t);
    }
}
