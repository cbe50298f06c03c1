package org.nicrig.host.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.DeviceProfile;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.firmware.KeyFileException;
import org.nicrig.model.firmware.NonVolatileMemory;
import org.nicrig.model.firmware.TrustedKey;
import org.nicrig.protocol.message.MacAddress;

/**
 * The device model a transport URI asks for: {@code PROFILE?mac=02:00:00:00:00:01&speed=10&seed=7&revision=8&defects=IV_REUSE+SEQ_NOT_INCREMENTED&nvm=DIR&trusted-key=PATH}.
 * One parser for every scheme that serves a model ({@code emulated:} in this process,
 * {@code pty-emulator:} in a process of its own), so both read the same parameters the same way.
 *
 * @param speed      how much faster than real time the performance model runs; infinite for
 *                   {@code speed=unlimited} (as fast as the CPU allows)
 * @param defects    the seeded defects of the device's factory firmware, in the order given
 *                   (fpga-crypto-model/DEFECTS.md)
 * @param nvm        {@code nvm=DIR}, absolute: the directory where the device keeps its firmware
 *                   slots, rollback floor and EEPROM across processes; empty: in memory, as long
 *                   as the transport's device config lives
 * @param trustedKey {@code trusted-key=PATH}, absolute: the PEM public key (SubjectPublicKeyInfo)
 *                   firmware images must be signed with; empty: keys/nicrig-dev.pub
 */
public record EmulatedDeviceSpec(DeviceProfile profile, MacAddress mac, int revision, double speed, long seed,
                                 List<Defect> defects, Optional<Path> nvm, Optional<Path> trustedKey) {

    /** The parameters {@link #parse} reads; a scheme may accept more of its own. */
    public static final Set<String> PARAMS = Set.of("mac", "speed", "seed", "revision", "defects", "nvm", "trusted-key");

    public EmulatedDeviceSpec {
        defects = List.copyOf(defects);
    }

    /** A device keeping its memory in this process and trusting the development key. */
    public EmulatedDeviceSpec(DeviceProfile profile, MacAddress mac, int revision, double speed, long seed, List<Defect> defects) {
        this(profile, mac, revision, speed, seed, defects, Optional.empty(), Optional.empty());
    }

    /**
     * Reads the profile from the URI's target and the {@link #PARAMS}; does not reject other
     * parameters (the caller's {@link TransportUri#requireOnly} does). Reads the trusted key file
     * now, so a bad one is reported before anything starts; the memory directory is only
     * checked not to be a file (the device opens it when it powers on).
     *
     * @throws TransportException BAD_URI naming the parameter, or the file, and what was expected
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
        Optional<Path> nvm = path(uri, "nvm");
        if (nvm.isPresent() && Files.exists(nvm.get()) && !Files.isDirectory(nvm.get())) {
            throw uri.bad("parameter nvm: " + nvm.get() + " is a file; nvm= names the directory where the device keeps its memory");
        }
        Optional<Path> trustedKey = path(uri, "trusted-key");
        if (trustedKey.isPresent()) {
            try {
                TrustedKey.readPem(trustedKey.get());
            } catch (KeyFileException e) {
                throw uri.bad("parameter trusted-key: " + e.getMessage());
            }
        }
        return new EmulatedDeviceSpec(profile, mac, revision, speed, seed, defects(uri), nvm, trustedKey);
    }

    /**
     * The device model's configuration: a fresh in-memory {@link NonVolatileMemory}, or the
     * directory opened.
     *
     * @throws IOException naming the memory directory or key file and what is wrong with it
     */
    public DeviceConfig toConfig() throws IOException {
        DeviceConfig c = new DeviceConfig(profile, mac, revision, speed, seed, Defects.of(seed, defects));
        if (nvm.isPresent()) {
            c = c.withNvm(NonVolatileMemory.directory(nvm.get()));
        }
        if (trustedKey.isPresent()) {
            c = c.withTrustedKey(TrustedKey.readPem(trustedKey.get()));
        }
        return c;
    }

    /** An absolute, normalised path parameter: an emulator process started elsewhere finds the same file. */
    private static Optional<Path> path(TransportUri uri, String key) throws TransportException {
        String s = uri.params().get(key);
        if (s == null) {
            return Optional.empty();
        }
        if (s.isEmpty()) {
            throw uri.bad("parameter " + key + ": expected a path, found nothing");
        }
        try {
            return Optional.of(Path.of(s).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw uri.bad("parameter " + key + ": '" + s + "' is not a path (" + e.getReason() + ")");
        }
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
