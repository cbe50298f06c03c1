package org.nicrig.model.esp;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-GCM with a 16-byte ICV in ESP (RFC 4106): nonce = 4-byte salt || 8-byte explicit IV (§4),
 * AAD = SPI || 32-bit sequence number, or SPI || 64-bit extended sequence number (§5). The tag is
 * the ICV; the JCE checks it before releasing any plaintext.
 */
final class GcmTransform implements EspTransform {
    static final GcmTransform INSTANCE = new GcmTransform();
    private static final int TAG_BITS = 128;

    private GcmTransform() {
    }

    @Override
    public void seal(EspSa sa, long seq, byte[] src, int srcOff, int bulk, byte[] tail, int tailLen,
                     byte[] out, int espOff) throws GeneralSecurityException {
        int ivOff = espOff + EspTransform.espHeaderLength();
        int ctOff = ivOff + sa.suite().ivLength();
        Cipher cipher = initEncrypt(sa, nonce(sa, out, ivOff));
        byte[] aad = aad(sa, out, espOff, seq);
        cipher.updateAAD(aad);
        int n = bulk == 0 ? 0 : cipher.update(src, srcOff, bulk, out, ctOff);
        if (sa.wireIcvLength == sa.suite().icvLength()) {
            cipher.doFinal(tail, 0, tailLen, out, ctOff + n);
        } else {
            // ICV_TRUNCATED_SHORT: the tag is computed whole and only its first bytes are sent
            byte[] rest = cipher.doFinal(tail, 0, tailLen);
            System.arraycopy(rest, 0, out, ctOff + n, rest.length - sa.suite().icvLength() + sa.wireIcvLength);
        }
    }

    @Override
    public boolean open(EspSa sa, long seq, byte[] in, int espOff, int ctLen, byte[] out, int outOff)
            throws GeneralSecurityException {
        int ivOff = espOff + EspTransform.espHeaderLength();
        int ctOff = ivOff + sa.suite().ivLength();
        byte[] nonce = nonce(sa, in, ivOff);
        Cipher cipher = sa.cipher;
        cipher.init(Cipher.DECRYPT_MODE, sa.key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad(sa, in, espOff, seq));
        try {
            cipher.doFinal(in, ctOff, ctLen + sa.suite().icvLength(), out, outOff);
            return true;
        } catch (AEADBadTagException e) {
            if (!sa.acceptsBadIcv) {
                return false;
            }
            // ACCEPTS_BAD_ICV: decrypt anyway with the counter GCM uses for data (J0 + 1, NIST SP 800-38D §7.1)
            byte[] counter = new byte[16];
            System.arraycopy(nonce, 0, counter, 0, 12);
            counter[15] = 2;
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.DECRYPT_MODE, sa.key, new IvParameterSpec(counter));
            ctr.doFinal(in, ctOff, ctLen, out, outOff);
            return true;
        }
    }

    private static byte[] nonce(EspSa sa, byte[] packet, int ivOff) {
        System.arraycopy(packet, ivOff, sa.nonce, 4, 8);
        return sa.nonce;
    }

    /** RFC 4106 §5: SPI || sequence number, with the ESN high half between them when the SA uses ESN. */
    private static byte[] aad(EspSa sa, byte[] packet, int espOff, long seq) {
        if (!sa.esnHighInIcv) {
            byte[] aad = new byte[8];
            System.arraycopy(packet, espOff, aad, 0, 8);
            return aad;
        }
        byte[] aad = new byte[12];
        System.arraycopy(packet, espOff, aad, 0, 4);
        Ipv4.putInt(aad, 4, (int) (seq >>> 32));
        System.arraycopy(packet, espOff + 4, aad, 8, 4);
        return aad;
    }

    /**
     * Keys the SA's cipher for encryption under {@code nonce}. The SunJCE refuses to encrypt twice
     * in a row under one key and nonce; a fixed-IV test job or the IV_REUSE defect asks for exactly
     * that, so the SA then gets a fresh Cipher instance, which has no memory of the last nonce.
     */
    private static Cipher initEncrypt(EspSa sa, byte[] nonce) throws GeneralSecurityException {
        GCMParameterSpec spec = new GCMParameterSpec(TAG_BITS, nonce);
        try {
            sa.cipher.init(Cipher.ENCRYPT_MODE, sa.key, spec);
            return sa.cipher;
        } catch (InvalidAlgorithmParameterException reuse) {
            Cipher fresh = Cipher.getInstance(sa.suite().jceTransformation());
            fresh.init(Cipher.ENCRYPT_MODE, sa.key, spec);
            return fresh;
        }
    }
}
