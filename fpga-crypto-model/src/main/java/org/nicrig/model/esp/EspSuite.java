package org.nicrig.model.esp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;

/**
 * One ESP transform: a {@link Cipher} composed with an {@link Integrity}, with every size and JCE
 * name the {@link EspProcessor} needs. The processor has one code path for all suites of a kind
 * (block cipher + HMAC per RFC 4303 §3.3.2, or combined mode per RFC 4106), so adding an algorithm
 * means adding a suite (an enum constant in the protocol), not a new code path.
 *
 * <p>Valid combinations: an AEAD cipher with {@link Integrity#NONE} (its own tag is the ICV), or a
 * CBC cipher with an HMAC. A CBC cipher with {@link Integrity#NONE} (confidentiality only) is
 * accepted too: RFC 4303 §3.2 allows it although RFC 8221 §4 advises against it, and RFC 3602 §4
 * publishes its ESP test packets (cases 5 to 8) in exactly that form, so the model's real
 * encapsulation code can be checked against them. Such an SA gets no anti-replay check, since a
 * sequence number that no ICV covers proves nothing (RFC 4303 §3.4.3).
 */
public record EspSuite(Cipher cipher, Integrity integrity) {

    public EspSuite {
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(integrity, "integrity");
        if (cipher.isAead() && integrity != Integrity.NONE) {
            throw new IllegalArgumentException(cipher + " is a combined mode: its integrity must be NONE, not " + integrity);
        }
    }

    public static EspSuite of(Cipher cipher, Integrity integrity) {
        return new EspSuite(cipher, integrity);
    }

    /** Every authenticated suite the model implements: each CBC cipher with each HMAC, and each GCM cipher. */
    public static List<EspSuite> all() {
        List<EspSuite> suites = new ArrayList<>();
        for (Cipher c : Cipher.values()) {
            if (c.isAead()) {
                suites.add(new EspSuite(c, Integrity.NONE));
            } else {
                for (Integrity i : Integrity.values()) {
                    if (i != Integrity.NONE) {
                        suites.add(new EspSuite(c, i));
                    }
                }
            }
        }
        return List.copyOf(suites);
    }

    public boolean isAead() {
        return cipher.isAead();
    }

    /** True when packets carry an ICV at all (false only for an encryption-only CBC suite). */
    public boolean isAuthenticated() {
        return isAead() || integrity != Integrity.NONE;
    }

    /** The explicit IV carried in each packet (RFC 3602 §3, RFC 4106 §3.1). */
    public int ivLength() {
        return cipher.ivLength();
    }

    /** The boundary the ESP trailer pads to (RFC 4303 §2.4): the cipher block, or 4 for GCM. */
    public int padBoundary() {
        return Math.max(cipher.blockSize(), 4);
    }

    /** ICV bytes on the wire: the GCM tag or the truncated HMAC. */
    public int icvLength() {
        return isAead() ? cipher.aeadIcvLength() : integrity.icvLength();
    }

    /** Cipher key bytes, without the GCM salt. */
    public int cipherKeyLength() {
        return cipher.keyBits() / 8;
    }

    /** Key material an SA carries for the cipher: key plus 4-byte salt for GCM (RFC 4106 §8.1). */
    public int keyMaterialLength() {
        return cipher.keyMaterialLength();
    }

    public int saltLength() {
        return cipher.saltLength();
    }

    public int authKeyLength() {
        return isAead() ? 0 : integrity.keyLength();
    }

    /** The JCE transformation; padding is ESP's own, so always NoPadding. */
    public String jceTransformation() {
        return switch (cipher) {
            case DES_CBC -> "DES/CBC/NoPadding";
            case TRIPLE_DES_CBC -> "DESede/CBC/NoPadding";
            case AES_128_CBC, AES_256_CBC -> "AES/CBC/NoPadding";
            case AES_128_GCM_16, AES_256_GCM_16 -> "AES/GCM/NoPadding";
        };
    }

    /** The JCE key algorithm for {@link javax.crypto.spec.SecretKeySpec}. */
    public String jceKeyAlgorithm() {
        return switch (cipher) {
            case DES_CBC -> "DES";
            case TRIPLE_DES_CBC -> "DESede";
            default -> "AES";
        };
    }

    /** The JCE Mac algorithm, or null when the suite has no separate integrity transform. */
    public String jceMacAlgorithm() {
        return integrity.jceName();
    }

    @Override
    public String toString() {
        return isAead() ? cipher.name() : cipher.name() + "+" + integrity.name();
    }
}
