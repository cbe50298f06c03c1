package org.nicrig.host.team;

import java.time.Duration;
import java.util.Objects;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.team.distribution.Distributor;
import org.nicrig.host.team.distribution.WorkloadDistributor;

/**
 * Team settings.
 *
 * @param primary      the member preferred as active in AFT (null: the first admitted)
 * @param maxAttempts  how many members a job may be tried on before it fails with a reason
 * @param seed         seeds the admission self-tests (printed with the run)
 */
public record TeamConfig(TeamMode mode, String primary, PrimaryReselect primaryReselect, Fig4Policy fig4,
                         SessionConfig session, Distributor distributor, int maxAttempts, long seed) {
    public TeamConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(primaryReselect, "primaryReselect");
        Objects.requireNonNull(fig4, "fig4");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(distributor, "distributor");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
    }

    public static TeamConfig of(TeamMode mode, String primary) {
        return new TeamConfig(mode, primary, PrimaryReselect.ALWAYS, Fig4Policy.RETURN, SessionConfig.DEFAULT,
                new WorkloadDistributor(), 4, 1);
    }

    public TeamConfig withFig4(Fig4Policy policy) {
        return new TeamConfig(mode, primary, primaryReselect, policy, session, distributor, maxAttempts, seed);
    }

    public TeamConfig withSession(SessionConfig s) {
        return new TeamConfig(mode, primary, primaryReselect, fig4, s, distributor, maxAttempts, seed);
    }

    public TeamConfig withReselect(PrimaryReselect r) {
        return new TeamConfig(mode, primary, r, fig4, session, distributor, maxAttempts, seed);
    }

    public TeamConfig withDistributor(Distributor d) {
        return new TeamConfig(mode, primary, primaryReselect, fig4, session, d, maxAttempts, seed);
    }

    public TeamConfig withSeed(long s) {
        return new TeamConfig(mode, primary, primaryReselect, fig4, session, distributor, maxAttempts, s);
    }

    /** How often an engine that stopped answering is probed with a self-test to see if it is back. */
    public Duration engineProbeInterval() {
        Duration hb = session.heartbeatInterval();
        return hb.isZero() ? Duration.ofMillis(500) : hb.multipliedBy(2);
    }
}
