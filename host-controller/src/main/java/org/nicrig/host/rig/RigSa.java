package org.nicrig.host.rig;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nicrig.host.config.ConfigException;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;

/**
 * One security association of the rig, with keys by reference. {@link #toParams} resolves the
 * keys and gives what SA_ADD installs.
 *
 * @param direction         as seen from the team: outbound SAs protect what the team sends to the peer
 * @param replayWindow      anti-replay window in packets (inbound only; 0 for outbound)
 * @param tunnelSource      outer source address, present exactly in tunnel mode
 * @param authenticationKey present unless the cipher is AEAD (integrity NONE)
 */
public record RigSa(String name, long spi, Direction direction, EspMode mode, Cipher cipher, Integrity integrity,
                    boolean esn, int replayWindow, Optional<Inet4Address> tunnelSource,
                    Optional<Inet4Address> tunnelDestination, KeyRef encryptionKey, Optional<KeyRef> authenticationKey) {

    /** RFC 4303 §3.4.3: a window of 64 packets "SHOULD be employed as the default". */
    public static final int DEFAULT_REPLAY_WINDOW = 64;

    public RigSa {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(tunnelSource, "tunnelSource");
        Objects.requireNonNull(tunnelDestination, "tunnelDestination");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(authenticationKey, "authenticationKey");
    }

    /**
     * The SA as SA_ADD takes it, keys resolved. Throws a located error if a key cannot be read
     * or has the wrong length for its algorithm (the message gives lengths, never bytes).
     */
    public SaParams toParams(Map<String, String> env) throws ConfigException {
        KeyBytes enc = encryptionKey.resolve(env);
        checkLength(encryptionKey, enc, cipher.keyMaterialLength(), cipher.name());
        KeyBytes auth = KeyBytes.NONE;
        if (authenticationKey.isPresent()) {
            auth = authenticationKey.get().resolve(env);
            checkLength(authenticationKey.get(), auth, integrity.keyLength(), integrity.name());
        }
        return new SaParams(spi, direction, mode, cipher, integrity, esn, replayWindow,
                tunnelSource.map(RigSa::toInt).orElse(0), tunnelDestination.map(RigSa::toInt).orElse(0), enc, auth);
    }

    private static void checkLength(KeyRef ref, KeyBytes key, int wanted, String algorithm) throws ConfigException {
        if (key.length() != wanted) {
            String problem = algorithm + " needs a key of " + wanted + " bytes, this one has " + key.length();
            if (ref instanceof KeyRef.FileKey f) {
                throw f.origin().error(problem);
            }
            if (ref instanceof KeyRef.EnvKey e) {
                throw e.origin().error(problem);
            }
            throw new IllegalStateException(problem); // test keys are checked when the rig is loaded
        }
    }

    static int toInt(Inet4Address a) {
        return ByteBuffer.wrap(a.getAddress()).getInt();
    }
}
