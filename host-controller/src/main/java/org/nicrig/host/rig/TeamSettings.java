package org.nicrig.host.rig;

import java.time.Duration;
import java.util.Objects;
import org.nicrig.host.session.SessionConfig;

/**
 * How the team runs. Defaults (for keys a rig leaves out) are Linux bonding's where it has one
 * ({@code primary_reselect=always}) and {@link SessionConfig#DEFAULT}'s for the timings, so a rig
 * that says nothing gets what a session gets.
 *
 * @param heartbeat       time between heartbeats to each member (bonding's {@code miimon})
 * @param heartbeatMisses consecutive unanswered heartbeats after which a member is gone
 * @param primary         the device that carries the traffic in AFT and is preferred after
 *                        recovery; always one of the rig's devices once loaded
 * @param fig4            how engine-less members get outbound packets encrypted (FIG. 4)
 * @param jobTimeout      how long an ENCRYPT/DECRYPT job waits before it is re-dispatched
 * @param requestTimeout  how long any other request waits for its answer
 */
public record TeamSettings(TeamMode mode, Duration heartbeat, int heartbeatMisses, String primary,
                           PrimaryReselect primaryReselect, Fig4Mode fig4, Duration jobTimeout,
                           Duration requestTimeout) {

    public static final TeamMode DEFAULT_MODE = TeamMode.AFT;
    public static final PrimaryReselect DEFAULT_RESELECT = PrimaryReselect.ALWAYS;
    public static final Fig4Mode DEFAULT_FIG4 = Fig4Mode.RETURN;

    public TeamSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(primaryReselect, "primaryReselect");
        Objects.requireNonNull(fig4, "fig4");
        Objects.requireNonNull(jobTimeout, "jobTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (heartbeatMisses < 1) {
            throw new IllegalArgumentException("heartbeatMisses must be >= 1: " + heartbeatMisses);
        }
    }

    /** The session timing for each member; retries stay at the session default. */
    public SessionConfig sessionConfig() {
        return SessionConfig.DEFAULT
                .withHeartbeat(heartbeat, heartbeatMisses)
                .withJobTimeout(jobTimeout)
                .withRequestTimeout(requestTimeout);
    }

    public TeamSettings withMode(TeamMode m) {
        return new TeamSettings(m, heartbeat, heartbeatMisses, primary, primaryReselect, fig4, jobTimeout, requestTimeout);
    }

    public TeamSettings withPrimary(String p) {
        return new TeamSettings(mode, heartbeat, heartbeatMisses, p, primaryReselect, fig4, jobTimeout, requestTimeout);
    }

    public TeamSettings withPrimaryReselect(PrimaryReselect r) {
        return new TeamSettings(mode, heartbeat, heartbeatMisses, primary, r, fig4, jobTimeout, requestTimeout);
    }

    public TeamSettings withFig4(Fig4Mode f) {
        return new TeamSettings(mode, heartbeat, heartbeatMisses, primary, primaryReselect, f, jobTimeout, requestTimeout);
    }
}
