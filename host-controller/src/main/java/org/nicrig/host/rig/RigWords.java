package org.nicrig.host.rig;

import org.nicrig.host.config.Choice;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;

/**
 * How rig and plan files spell enumerated values: one place, shared by the loaders and checked
 * against the JSON Schemas' {@code enum} lists by a test.
 */
public final class RigWords {
    private RigWords() {
    }

    /** {@code AES_128_CBC} or {@code aes-128-cbc}. */
    public static final Choice<Cipher> CIPHER = Choice.namesOrLowerDashed("cipher", Cipher.class);
    /** {@code HMAC_SHA2_256_128} or {@code hmac-sha2-256-128}. */
    public static final Choice<Integrity> INTEGRITY = Choice.namesOrLowerDashed("integrity", Integrity.class);
    public static final Choice<Direction> DIRECTION = Choice.lowerDashed("direction", Direction.class);
    public static final Choice<EspMode> ESP_MODE = Choice.lowerDashed("ESP mode", EspMode.class);
    /** {@code AFT} or {@code aft}. */
    public static final Choice<TeamMode> TEAM_MODE = Choice.namesOrLowerDashed("team mode", TeamMode.class);
    public static final Choice<PrimaryReselect> RESELECT = Choice.lowerDashed("primary-reselect policy", PrimaryReselect.class);
    public static final Choice<Fig4Mode> FIG4 = Choice.lowerDashed("FIG. 4 mode", Fig4Mode.class);
    public static final Choice<DeviceRole> ROLE = Choice.lowerDashed("role", DeviceRole.class);
}
