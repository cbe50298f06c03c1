package org.nicrig.model.esp;

import java.security.GeneralSecurityException;

/**
 * The cryptographic half of ESP for one kind of suite: a block cipher with a separate HMAC
 * (RFC 4303 §3.3.2, §3.4.4.1) or a combined mode (RFC 4106). The processor does the framing,
 * padding, sequence numbers and replay checks the same way for both.
 *
 * <p>Layout inside {@code out}/{@code in}: ESP header (SPI, sequence number) at {@code espOff},
 * the IV right after it, then the ciphertext, then the ICV.
 */
interface EspTransform {

    /**
     * Encrypts {@code src[srcOff, srcOff + bulk)} followed by {@code tail[0, tailLen)} into
     * {@code out} after the IV, and writes the ICV ({@link EspSa#wireIcvLength} bytes) after the
     * ciphertext. The ESP header and IV are already in {@code out}.
     */
    void seal(EspSa sa, long seq, byte[] src, int srcOff, int bulk, byte[] tail, int tailLen,
              byte[] out, int espOff) throws GeneralSecurityException;

    /**
     * Verifies the ICV of the {@code ctLen}-byte ciphertext and, if it matches (or the SA has
     * ACCEPTS_BAD_ICV), decrypts it into {@code out} at {@code outOff}.
     *
     * @return false when the ICV does not match; nothing is decrypted then
     */
    boolean open(EspSa sa, long seq, byte[] in, int espOff, int ctLen, byte[] out, int outOff)
            throws GeneralSecurityException;

    static int espHeaderLength() {
        return 8;
    }
}
