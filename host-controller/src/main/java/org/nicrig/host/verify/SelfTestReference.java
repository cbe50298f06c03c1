package org.nicrig.host.verify;

import java.util.Arrays;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;

/**
 * The answer a capable member must give to the known-answer self-test that proves its engine can
 * be lent out for secondary use (patent op. 302: proven by computation, not by a flag), computed
 * independently with Bouncy Castle.
 *
 * <ul>
 *   <li>CBC ciphers: {@code C ‖ ICV}, where C is the raw CBC encryption of {@code data} under
 *       {@code iv} with no padding ({@code data} must be whole blocks), and ICV is the truncated
 *       HMAC under the authentication key over {@code iv ‖ C} (absent for integrity NONE).</li>
 *   <li>AES-GCM: key material is key ‖ 4-byte salt as an SA carries it (RFC 4106 §8.1), the
 *       nonce is salt ‖ iv (8-byte iv, RFC 4106 §4), the AAD is empty; the answer is
 *       {@code C ‖ 16-byte tag}.</li>
 * </ul>
 */
public final class SelfTestReference {

    private SelfTestReference() {
    }

    public static byte[] answer(Cipher cipher, Integrity integrity, KeyBytes encryptionKey,
                                KeyBytes authenticationKey, byte[] iv, byte[] data) {
        if (encryptionKey.length() != cipher.keyMaterialLength()) {
            throw new IllegalArgumentException(cipher + " needs " + cipher.keyMaterialLength()
                    + " bytes of key material, got " + encryptionKey.length());
        }
        if (iv.length != cipher.ivLength()) {
            throw new IllegalArgumentException(cipher + " IV is " + cipher.ivLength() + " bytes, got " + iv.length);
        }
        byte[] material = encryptionKey.reveal();
        try {
            int keyLength = cipher.keyBits() / 8;
            byte[] key = Arrays.copyOf(material, keyLength);
            if (cipher.isAead()) {
                if (integrity != Integrity.NONE) {
                    throw new IllegalArgumentException(cipher + " is AEAD: integrity must be NONE, not " + integrity);
                }
                byte[] salt = Arrays.copyOfRange(material, keyLength, material.length);
                return BcCrypto.gcmSeal(key, EspReference.concat(salt, iv), new byte[0], data);
            }
            byte[] c = BcCrypto.cbc(cipher, key, iv, data, true);
            if (integrity == Integrity.NONE) {
                return c;
            }
            byte[] authKey = authenticationKey.reveal();
            try {
                return EspReference.concat(c, BcCrypto.icv(integrity, authKey, iv, c));
            } finally {
                Arrays.fill(authKey, (byte) 0);
            }
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }
}
