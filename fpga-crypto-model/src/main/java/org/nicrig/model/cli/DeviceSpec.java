package org.nicrig.model.cli;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.DeviceProfile;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.firmware.NonVolatileMemory;
import org.nicrig.model.firmware.TrustedKey;
import org.nicrig.protocol.message.MacAddress;

/**
 * One {@code --device} argument:
 * {@code PROFILE[@ENDPOINT][,mac=MAC][,revision=N][,defects=A+B][,seed=N][,nvm=DIR][,trusted-key=PATH]}.
 * Fields left out are null and take their defaults when the device is built: memory in this
 * process only, trusting the development key (keys/nicrig-dev.pub).
 *
 * @param nvm        directory of the device's non-volatile memory (firmware slots, rollback floor,
 *                   EEPROM), so that it outlives the emulator process
 * @param trustedKey PEM public key file the device accepts firmware images from
 */
record DeviceSpec(DeviceProfile profile, Endpoint endpoint, MacAddress mac, Integer revision, Set<Defect> defects, Long seed,
                  Path nvm, Path trustedKey) {
    static final java.util.List<String> KEYS = java.util.List.of("mac", "revision", "defects", "seed", "nvm", "trusted-key");

    DeviceSpec {
        defects = defects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(defects));
    }

    /** Parses the argument; throws IllegalArgumentException with a one-line reason. */
    static DeviceSpec parse(String text) {
        String[] parts = text.split(",", -1);
        String head = parts[0];
        int at = head.indexOf('@');
        String profileName = at < 0 ? head : head.substring(0, at);
        DeviceProfile profile = Profiles.named(profileName);
        if (profile == null) {
            throw new IllegalArgumentException("unknown profile '" + profileName + "'"
                    + Suggest.didYouMean(profileName, Profiles.names()) + "; profiles: " + String.join(", ", Profiles.names()));
        }
        Endpoint endpoint = at < 0 ? null : Endpoint.parse(head.substring(at + 1));
        MacAddress mac = null;
        Integer revision = null;
        Set<Defect> defects = EnumSet.noneOf(Defect.class);
        Long seed = null;
        Path nvm = null;
        Path trustedKey = null;
        for (String option : Arrays.copyOfRange(parts, 1, parts.length)) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + option + "' is not KEY=VALUE (keys: " + String.join(", ", KEYS) + ")");
            }
            String key = option.substring(0, eq);
            String value = option.substring(eq + 1);
            switch (key) {
                case "mac" -> mac = MacAddress.parse(value);
                case "revision" -> revision = number(value, "revision", 0xFF).intValue();
                case "defects" -> defects.addAll(defects(value));
                case "seed" -> seed = number(value, "seed", Long.MAX_VALUE);
                case "nvm" -> nvm = path(value, "nvm");
                case "trusted-key" -> trustedKey = path(value, "trusted-key");
                default -> throw new IllegalArgumentException("unknown key '" + key + "'"
                        + Suggest.didYouMean(key, KEYS) + " (keys: " + String.join(", ", KEYS) + ")");
            }
        }
        return new DeviceSpec(profile, endpoint, mac, revision, defects, seed, nvm, trustedKey);
    }

    DeviceSpec withEndpoint(Endpoint e) {
        return new DeviceSpec(profile, e, mac, revision, defects, seed, nvm, trustedKey);
    }

    /** MAC when none is given: locally administered (02:...), numbered by the device's position from 1. */
    static MacAddress defaultMac(int position) {
        return new MacAddress(0x02_00_00_00_00_00L | position);
    }

    /** The device's MAC: the given one, or the default for its position. */
    MacAddress macOr(int position) {
        return mac != null ? mac : defaultMac(position);
    }

    /**
     * The device this spec describes, the {@code position}-th (from 1) on the command line. Opens
     * its memory directory and reads its trusted key.
     *
     * @throws IOException naming the directory or key file and what is wrong with it
     */
    DeviceConfig toConfig(int position, double speed) throws IOException {
        long s = seed != null ? seed : position;
        DeviceConfig c = new DeviceConfig(profile, macOr(position), revision != null ? revision : profile.revision(), speed, s,
                Defects.of(s, defects));
        if (nvm != null) {
            c = c.withNvm(NonVolatileMemory.directory(nvm));
        }
        if (trustedKey != null) {
            c = c.withTrustedKey(TrustedKey.readPem(trustedKey));
        }
        return c;
    }

    private static Path path(String value, String key) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + "= needs a path");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a path: " + e.getReason());
        }
    }

    private static Set<Defect> defects(String value) {
        Set<Defect> out = EnumSet.noneOf(Defect.class);
        if (value.isEmpty() || value.equalsIgnoreCase("none")) {
            return out;
        }
        for (String name : value.split("\\+", -1)) {
            try {
                out.add(Defect.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                var names = Arrays.stream(Defect.values()).map(Enum::name).toList();
                throw new IllegalArgumentException("unknown defect '" + name + "'" + Suggest.didYouMean(name, names)
                        + " (see fpga-emu --help for the list)");
            }
        }
        return out;
    }

    private static Long number(String value, String key, long max) {
        long n;
        try {
            n = value.startsWith("0x") || value.startsWith("0X") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a number");
        }
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(key + " " + n + " is outside 0.." + max);
        }
        return n;
    }
}
