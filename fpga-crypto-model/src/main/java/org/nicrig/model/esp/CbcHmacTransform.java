package org.nicrig.model.esp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

/**
 * A CBC cipher (RFC 2405, 2451, 3602) with a truncated HMAC (RFC 2403, 2404, 4868), or no HMAC for
 * an encryption-only suite. The ICV covers ESP header, IV and ciphertext, plus the implicit
 * high-order 32 bits of an extended sequence number appended at the end (RFC 4303 §2.2.1, §3.3.2).
 * On receipt the ICV is checked before anything is decrypted (§3.4.4.1), in constant time, so the
 * padding check after decryption can never serve as an oracle.
 */
final class CbcHmacTransform implements EspTransform {
    static final CbcHmacTransform INSTANCE = new CbcHmacTransform();

    private CbcHmacTransform() {
    }

    @Override
    public void seal(EspSa sa, long seq, byte[] src, int srcOff, int bulk, byte[] tail, int tailLen,
                     byte[] out, int espOff) throws GeneralSecurityException {
        int ivLen = sa.suite().ivLength();
        int ivOff = espOff + EspTransform.espHeaderLength();
        int ctOff = ivOff + ivLen;
        Cipher cipher = sa.cipher;
        cipher.init(Cipher.ENCRYPT_MODE, sa.key, new IvParameterSpec(out, ivOff, ivLen));
        int ctLen = bulk == 0 ? 0 : cipher.update(src, srcOff, bulk, out, ctOff);
        ctLen += cipher.doFinal(tail, 0, tailLen, out, ctOff + ctLen);
        if (sa.mac != null) {
            cover(sa, seq, out, espOff, ctOff + ctLen - espOff);
            sa.mac.finish(out, ctOff + ctLen, sa.wireIcvLength);
        }
    }

    @Override
    public boolean open(EspSa sa, long seq, byte[] in, int espOff, int ctLen, byte[] out, int outOff)
            throws GeneralSecurityException {
        int ivLen = sa.suite().ivLength();
        int ivOff = espOff + EspTransform.espHeaderLength();
        int ctOff = ivOff + ivLen;
        if (sa.mac != null) {
            cover(sa, seq, in, espOff, ctOff + ctLen - espOff);
            if (!sa.mac.verify(in, ctOff + ctLen) && !sa.acceptsBadIcv) {
                return false;
            }
        }
        Cipher cipher = sa.cipher;
        cipher.init(Cipher.DECRYPT_MODE, sa.key, new IvParameterSpec(in, ivOff, ivLen));
        cipher.doFinal(in, ctOff, ctLen, out, outOff);
        return true;
    }

    /** Feeds the ICV's coverage: {@code length} bytes from the ESP header, then the ESN high bits if the SA uses them. */
    private static void cover(EspSa sa, long seq, byte[] packet, int espOff, int length) {
        sa.mac.update(packet, espOff, length);
        if (sa.esnHighInIcv) {
            sa.mac.updateInt((int) (seq >>> 32));
        }
    }
}
