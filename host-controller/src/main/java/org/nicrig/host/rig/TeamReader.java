package org.nicrig.host.rig;

import java.time.Duration;
import java.util.List;
import org.nicrig.host.config.DidYouMean;
import org.nicrig.host.config.MapReader;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;
import org.nicrig.host.session.SessionConfig;

/** Reads a rig's {@code team:} block and settles which device is the primary. */
final class TeamReader {
    static final List<String> KEYS = List.of("mode", "primary", "primary-reselect", "fig4", "heartbeat",
            "heartbeat-misses", "job-timeout", "request-timeout");

    private TeamReader() {
    }

    /**
     * @param team    the block, or null when the rig has none (all defaults)
     * @param devices the rig's devices, already read (null when they had errors: primary unchecked)
     */
    static TeamSettings read(Node team, String path, Problems p, List<RigDevice> devices) {
        int mark = p.mark();
        MapReader m = team == null ? null : MapReader.of(team, path, p, KEYS);
        if (team != null && m == null) {
            return null;
        }
        SessionConfig d = SessionConfig.DEFAULT;
        TeamMode mode = m != null && m.has("mode") ? m.choice("mode", RigWords.TEAM_MODE, true) : TeamSettings.DEFAULT_MODE;
        String named = m != null ? m.name("primary", false) : null;
        PrimaryReselect reselect = m != null && m.has("primary-reselect")
                ? m.choice("primary-reselect", RigWords.RESELECT, true) : TeamSettings.DEFAULT_RESELECT;
        Fig4Mode fig4 = m != null && m.has("fig4") ? m.choice("fig4", RigWords.FIG4, true) : TeamSettings.DEFAULT_FIG4;
        Duration heartbeat = orDefault(m, "heartbeat", d.heartbeatInterval());
        Long misses = m != null ? m.integer("heartbeat-misses", 1, 100, false) : null;
        Duration job = orDefault(m, "job-timeout", d.jobTimeout());
        Duration request = orDefault(m, "request-timeout", d.requestTimeout());
        if (devices == null || !p.cleanSince(mark)) {
            return null;
        }
        String primary = primary(m, named, devices);
        if (primary == null) {
            return null;
        }
        return new TeamSettings(mode, heartbeat, misses == null ? d.heartbeatMisses() : misses.intValue(), primary,
                reselect, fig4, job, request);
    }

    /**
     * {@code team.primary}, else the device with {@code role: primary} (at most one: the device
     * reader checks), else the first not marked standby.
     */
    private static String primary(MapReader m, String named, List<RigDevice> devices) {
        List<String> names = devices.stream().map(RigDevice::name).toList();
        List<String> byRole = devices.stream().filter(x -> x.role().orElse(null) == DeviceRole.PRIMARY)
                .map(RigDevice::name).toList();
        if (named != null) {
            if (!names.contains(named)) {
                m.error("primary", "unknown device '" + named + "'" + DidYouMean.hint(named, names));
                return null;
            }
            if (!byRole.isEmpty() && !byRole.get(0).equals(named)) {
                m.error("primary", "primary is " + named + " but device " + byRole.get(0) + " says role: primary");
                return null;
            }
            return named;
        }
        if (!byRole.isEmpty()) {
            return byRole.get(0);
        }
        return devices.stream().filter(x -> x.role().orElse(null) != DeviceRole.STANDBY).map(RigDevice::name)
                .findFirst().orElse(names.get(0));
    }

    private static Duration orDefault(MapReader m, String key, Duration dflt) {
        if (m == null || !m.has(key)) {
            return dflt;
        }
        return m.duration(key, true, true);
    }
}
