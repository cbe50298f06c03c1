package org.nicrig.host.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.DeviceProfile;
import org.nicrig.model.device.Profiles;
import org.nicrig.protocol.message.MacAddress;

/**
 * The device model a transport URI asks for: {@code PROFILE?mac=02:00:00:00:00:01&speed=10&seed=7&revision=8&defects=IV_REUSE+SEQ_NOT_INCREMENTED}.
 * One parser for every scheme that serves a model ({@code emulated:} in this process,
 * {@code pty-emulator:} in a process of its own), so both read the same parameters the same way.
 *
 * @param speed   how much faster than real time the performance model runs; infinite for
 *                {@code speed=unlimited} (as fast as the CPU allows)
 * @param defects the seeded firmware defects, in the order given (fpga-crypto-model/DEFECTS.md)
 */
public record EmulatedDeviceSpec(DeviceProfile profile, MacAddress mac, int revision, double speed, long seed,
                                 List<Defect> defects) {

    /** The parameters {@link #parse} reads; a scheme may accept more of its own. */
    public static final Set<String> PARAMS = Set.of("mac", "speed", "seed", "revision", "defects");

    public EmulatedDeviceSpec {
        defects = List.copyOf(defects);
    }

    /**
     * Reads the profile from the URI's target and the {@link #PARAMS}; does not reject other
     * parameters (the caller's {@link TransportUri#requireOnly} does).
     *
     * @throws TransportException BAD_URI naming the parameter and what was expected
     */
    public static EmulatedDeviceSpec parse(TransportUri uri) throws TransportException {
        DeviceProfile profile = Profiles.named(uri.target());
        if (profile == null) {
            throw uri.bad("unknown device profile '" + uri.target() + "' (known: " + String.join(", ", Profiles.names()) + ")");
        }
        String macText = uri.params().get("mac");
        if (macText == null) {
            throw uri.bad("an emulated device needs mac=XX:XX:XX:XX:XX:XX");
        }
        MacAddress mac;
        try {
            mac = MacAddress.parse(macText);
        } catch (IllegalArgumentException e) {
            throw uri.bad(e.getMessage());
        }
        double speed = speed(uri);
        long seed = seed(uri);
        int revision = uri.intParam("revision", profile.revision(), 0, 255);
        return new EmulatedDeviceSpec(profile, mac, revision, speed, seed, defects(uri));
    }

    /** The device model's configuration. */
    public DeviceConfig toConfig() {
        return new DeviceConfig(profile, mac, revision, speed, seed, Defects.of(seed, defects));
    }

    private static double speed(TransportUri uri) throws TransportException {
        String s = uri.params().getOrDefault("speed", "1");
        if (s.equalsIgnoreCase("unlimited")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(s);
            if (v > 0 && !Double.isNaN(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw uri.bad("parameter speed: expected a number > 0 or 'unlimited', found '" + s + "'");
    }

    private static long seed(TransportUri uri) throws TransportException {
        String s = uri.params().getOrDefault("seed", "1");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw uri.bad("parameter seed: expected a whole number, found '" + s + "'");
        }
    }

    private static List<Defect> defects(TransportUri uri) throws TransportException {
        List<Defect> out = new ArrayList<>();
        String s = uri.params().get("defects");
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String name : s.split("\\+")) {
            try {
                out.add(Defect.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw uri.bad("parameter defects: unknown defect '" + name + "' (see fpga-crypto-model/DEFECTS.md)");
            }
        }
        return out;
    }
}
