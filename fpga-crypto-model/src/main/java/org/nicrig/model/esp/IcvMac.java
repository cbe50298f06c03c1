package org.nicrig.model.esp;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;

/**
 * The MAC layer: a keyed JCE HMAC whose output is truncated to the ICV length (RFC 2404 §2,
 * RFC 4868 §2.6: the leftmost bits). Created and keyed once per SA; each {@link #finish} resets it
 * for the next packet, so no Mac is ever built on the packet path.
 */
final class IcvMac {
    private final Mac mac;
    private final byte[] full;
    private final int length;

    private IcvMac(Mac mac, int length) {
        this.mac = mac;
        this.full = new byte[mac.getMacLength()];
        this.length = length;
    }

    /** The integrity transform's MAC, truncated to its ICV length. */
    static IcvMac of(Integrity integrity, KeyBytes key) throws NoSuchAlgorithmException, InvalidKeyException {
        return create(integrity, key, integrity.icvLength());
    }

    /** The same HMAC with its whole output, for checking it against published HMAC test cases. */
    static IcvMac untruncated(Integrity integrity, KeyBytes key) throws NoSuchAlgorithmException, InvalidKeyException {
        return create(integrity, key, -1);
    }

    private static IcvMac create(Integrity integrity, KeyBytes key, int length)
            throws NoSuchAlgorithmException, InvalidKeyException {
        if (integrity.jceName() == null) {
            throw new IllegalArgumentException(integrity + " has no MAC");
        }
        byte[] secret = key.reveal();
        try {
            Mac mac = Mac.getInstance(integrity.jceName());
            mac.init(new SecretKeySpec(secret, integrity.jceName()));
            return new IcvMac(mac, length < 0 ? mac.getMacLength() : length);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    int length() {
        return length;
    }

    void update(byte[] data, int offset, int count) {
        mac.update(data, offset, count);
    }

    /** Appends a 32-bit value, big-endian: the implicit ESN high bits (RFC 4303 §2.2.1). */
    void updateInt(int value) {
        mac.update((byte) (value >>> 24));
        mac.update((byte) (value >>> 16));
        mac.update((byte) (value >>> 8));
        mac.update((byte) value);
    }

    /** Writes the first {@code count} (at most {@link #length()}) bytes of the ICV and resets for the next message. */
    void finish(byte[] out, int offset, int count) {
        doFinal();
        System.arraycopy(full, 0, out, offset, Math.min(count, length));
    }

    /** Whether the ICV at {@code in[offset, offset + length())} matches, compared in constant time; resets. */
    boolean verify(byte[] in, int offset) {
        doFinal();
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= full[i] ^ in[offset + i];
        }
        return diff == 0;
    }

    /** One-shot ICV of {@code data}. */
    byte[] tag(byte[] data) {
        update(data, 0, data.length);
        byte[] out = new byte[length];
        finish(out, 0, length);
        return out;
    }

    private void doFinal() {
        try {
            mac.doFinal(full, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("MAC buffer sized from getMacLength()", e);
        }
    }
}
