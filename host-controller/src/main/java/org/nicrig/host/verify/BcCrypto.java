package org.nicrig.host.verify;

import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;

/**
 * The only place that touches cryptography, and only through Bouncy Castle's lightweight API
 * (never JCE): the device model computes with JCE, and a check that ran the same code twice
 * would prove nothing (design invariant 1).
 */
final class BcCrypto {
    /** RFC 4106 §6: the ESP AES-GCM ICV this project uses is 16 octets. */
    static final int GCM_TAG_BITS = 128;

    private BcCrypto() {
    }

    /** Result of a GCM decryption: the plaintext, or on a tag mismatch the tag that was due. */
    record GcmOpened(byte[] plaintext, byte[] expectedTag) {
        boolean ok() {
            return plaintext != null;
        }
    }

    static BlockCipher engine(Cipher cipher) {
        return switch (cipher) {
            case DES_CBC -> new DESEngine();
            case TRIPLE_DES_CBC -> new DESedeEngine();
            case AES_128_CBC, AES_256_CBC, AES_128_GCM_16, AES_256_GCM_16 -> AESEngine.newInstance();
        };
    }

    /** Raw CBC over whole blocks, no padding (RFC 3602 §2.4 / RFC 2451: ESP pads before). */
    static byte[] cbc(Cipher cipher, byte[] key, byte[] iv, byte[] data, boolean encrypt) {
        CBCModeCipher cbc = CBCBlockCipher.newInstance(engine(cipher));
        int block = cbc.getBlockSize();
        if (data.length % block != 0) {
            throw new IllegalArgumentException(
                    "CBC data must be a whole number of " + block + "-byte blocks, got " + data.length);
        }
        cbc.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i += block) {
            cbc.processBlock(data, i, out, i);
        }
        return out;
    }

    /** AES-GCM encryption: ciphertext followed by the 16-byte tag (RFC 4106 §3, §6). */
    static byte[] gcmSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        GCMModeCipher gcm = gcm(true, key, nonce, aad);
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail this way", e);
        }
        return out;
    }

    /** AES-GCM decryption of ciphertext‖tag; on a tag mismatch reports the tag that was due. */
    static GcmOpened gcmOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        GCMModeCipher gcm = gcm(false, key, nonce, aad);
        byte[] out = new byte[gcm.getOutputSize(ciphertextAndTag.length)];
        int n = gcm.processBytes(ciphertextAndTag, 0, ciphertextAndTag.length, out, 0);
        try {
            gcm.doFinal(out, n);
            return new GcmOpened(out, null);
        } catch (InvalidCipherTextException e) {
            return new GcmOpened(null, expectedTag(key, nonce, aad, ciphertextAndTag));
        }
    }

    /**
     * The tag that was due for this ciphertext, for the report: Bouncy Castle clears its own on a
     * mismatch. GCM's data is CTR under counters J0 + 1, … with J0 = nonce ‖ 0x00000001 for a
     * 96-bit nonce (GCM spec §7.1, NIST SP 800-38D §7.1), so CTR from nonce ‖ 0x00000002 recovers
     * the plaintext, and encrypting it again yields this ciphertext and its correct tag.
     */
    private static byte[] expectedTag(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        int tagLength = GCM_TAG_BITS / 8;
        int n = ciphertextAndTag.length - tagLength;
        byte[] counter = Arrays.copyOf(nonce, 16);
        counter[15] = 2;
        CTRModeCipher ctr = SICBlockCipher.newInstance(AESEngine.newInstance());
        ctr.init(false, new ParametersWithIV(new KeyParameter(key), counter));
        byte[] plaintext = new byte[n];
        ctr.processBytes(ciphertextAndTag, 0, n, plaintext, 0);
        byte[] resealed = gcmSeal(key, nonce, aad, plaintext);
        return Arrays.copyOfRange(resealed, n, resealed.length);
    }

    private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), GCM_TAG_BITS, nonce, aad));
        return gcm;
    }

    private static Digest digest(Integrity integrity) {
        return switch (integrity) {
            case HMAC_MD5_96 -> new MD5Digest();
            case HMAC_SHA1_96 -> new SHA1Digest();
            case HMAC_SHA2_256_128 -> new SHA256Digest();
            case NONE -> throw new IllegalArgumentException("no HMAC for integrity NONE");
        };
    }

    /** The full HMAC over the concatenation of {@code parts} (RFC 2104). */
    static byte[] hmac(Integrity integrity, byte[] key, byte[]... parts) {
        HMac mac = new HMac(digest(integrity));
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /**
     * The HMAC truncated to the ICV length: the leftmost 96 bits for RFC 2403/2404 (§2),
     * 128 bits for HMAC-SHA-256-128 (RFC 4868 §2.3).
     */
    static byte[] icv(Integrity integrity, byte[] key, byte[]... parts) {
        byte[] full = hmac(integrity, key, parts);
        return Arrays.copyOf(full, integrity.icvLength());
    }
}
