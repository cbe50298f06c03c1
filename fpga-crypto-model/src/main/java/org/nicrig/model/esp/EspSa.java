package org.nicrig.model.esp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.nicrig.model.defect.Defect;
import org.nicrig.model.defect.Defects;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.SaParams;

/**
 * The runtime state of one installed SA: its suite, its JCE objects (created and keyed once here,
 * then only re-initialised with each packet's IV, which is what keeps the engine near raw JCE
 * speed), the outbound sequence counter (RFC 4303 §3.3.3) or the inbound replay window
 * (§3.4.3, Appendix A), and the engine defects it has.
 *
 * <p>Not thread-safe by itself: {@link EspProcessor} locks the SA for each packet.
 * {@link #toString()} names the SPI and suite, never keys.
 */
public final class EspSa {
    /** RFC 4303 §3.3.3: a 32-bit counter must not cycle past 2^32 - 1. */
    private static final long LAST_32 = 0xFFFF_FFFFL;
    /** With ESN the last permitted number is 2^64 - 1, i.e. -1 as a signed long. */
    private static final long LAST_64 = -1L;

    private final SaParams params;
    private final EspSuite suite;
    private final Defects defects;
    final EspTransform transform;
    final javax.crypto.Cipher cipher;
    /** The integrity MAC, or null for GCM and encryption-only suites. */
    final IcvMac mac;
    final SecretKeySpec key;
    /** GCM: salt in bytes 0..3, the packet's IV goes in 4..11 (RFC 4106 §4). */
    final byte[] nonce;
    final int wireIcvLength;
    final ReplayWindow window;

    final boolean ivReuse;
    final boolean seqStuck;
    final boolean esnHighInIcv;
    final boolean padLengthOffByOne;
    final boolean wrongNextHeader;
    final boolean spiSwapped;
    final boolean replayOffByOne;
    final boolean acceptsBadIcv;

    private long lastSent;
    byte[] reusedIv;

    private EspSa(SaParams params, EspSuite suite, Defects defects, javax.crypto.Cipher cipher, IcvMac mac,
                  SecretKeySpec key, byte[] salt) {
        this.params = params;
        this.suite = suite;
        this.defects = defects;
        this.transform = suite.isAead() ? GcmTransform.INSTANCE : CbcHmacTransform.INSTANCE;
        this.cipher = cipher;
        this.mac = mac;
        this.key = key;
        this.nonce = new byte[12];
        System.arraycopy(salt, 0, nonce, 0, salt.length);
        this.ivReuse = defects.has(Defect.IV_REUSE);
        this.seqStuck = defects.has(Defect.SEQ_NOT_INCREMENTED);
        this.esnHighInIcv = params.esn() && !defects.has(Defect.ESN_HIGH_NOT_IN_ICV);
        this.padLengthOffByOne = defects.has(Defect.PAD_LENGTH_OFF_BY_ONE);
        this.wrongNextHeader = defects.has(Defect.WRONG_NEXT_HEADER);
        this.spiSwapped = defects.has(Defect.SPI_BYTE_SWAPPED);
        this.replayOffByOne = defects.has(Defect.REPLAY_WINDOW_OFF_BY_ONE);
        this.acceptsBadIcv = defects.has(Defect.ACCEPTS_BAD_ICV);
        int icv = suite.icvLength();
        this.wireIcvLength = defects.has(Defect.ICV_TRUNCATED_SHORT) && icv > 8 ? 8 : icv;
        this.window = new ReplayWindow(suite.isAuthenticated() ? params.replayWindow() : 0, params.esn());
    }

    /** An SA without defects. */
    public static EspSa create(SaParams params) {
        return create(params, Defects.NONE);
    }

    /**
     * Builds the runtime state for {@code params}, with the engine defects in {@code defects}
     * (device-level defects in it are ignored here).
     *
     * @throws InvalidSaException when the keys do not fit the suite or the suite is not valid
     */
    public static EspSa create(SaParams params, Defects defects) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(defects, "defects");
        EspSuite suite;
        try {
            suite = EspSuite.of(params.cipher(), params.integrity());
        } catch (IllegalArgumentException e) {
            throw new InvalidSaException(e.getMessage());
        }
        if (params.encryptionKey().length() != suite.keyMaterialLength()) {
            throw new InvalidSaException(suite.cipher() + " needs " + suite.keyMaterialLength()
                    + " bytes of encryption key material" + (suite.saltLength() > 0 ? " (key + 4-byte salt, RFC 4106 §8.1)" : "")
                    + ", got " + params.encryptionKey().length());
        }
        if (params.authenticationKey().length() != suite.authKeyLength()) {
            throw new InvalidSaException(suite.integrity() + " needs a " + suite.authKeyLength()
                    + "-byte authentication key, got " + params.authenticationKey().length());
        }
        if (params.mode() == EspMode.TUNNEL && params.direction() == Direction.OUTBOUND
                && (params.tunnelSource() == 0 || params.tunnelDestination() == 0)) {
            throw new InvalidSaException("an outbound tunnel-mode SA needs tunnelSource and tunnelDestination");
        }
        byte[] material = params.encryptionKey().reveal();
        try {
            int keyLength = suite.cipherKeyLength();
            SecretKeySpec key = new SecretKeySpec(material, 0, keyLength, suite.jceKeyAlgorithm());
            byte[] salt = Arrays.copyOfRange(material, keyLength, material.length);
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(suite.jceTransformation());
            int mode = params.direction() == Direction.OUTBOUND ? javax.crypto.Cipher.ENCRYPT_MODE : javax.crypto.Cipher.DECRYPT_MODE;
            // keying once here both checks the key and lets the provider cache its key schedule
            cipher.init(mode, key, suite.isAead()
                    ? new GCMParameterSpec(128, new byte[12])
                    : new IvParameterSpec(new byte[suite.ivLength()]));
            IcvMac mac = suite.jceMacAlgorithm() == null ? null : IcvMac.of(suite.integrity(), params.authenticationKey());
            return new EspSa(params, suite, defects, cipher, mac, key, salt);
        } catch (GeneralSecurityException e) {
            // the provider's message is not shown: it is not ours to vouch that it holds no key bytes
            throw new InvalidSaException("the JCE refused the " + suite + " keys (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    public SaParams params() {
        return params;
    }

    public EspSuite suite() {
        return suite;
    }

    public Defects defects() {
        return defects;
    }

    /** The sequence number of the last packet sent (0 before the first). */
    public synchronized long lastSequenceSent() {
        return lastSent;
    }

    /** The highest sequence number received and authenticated (0 before the first). */
    public synchronized long highestSequenceReceived() {
        return window.top();
    }

    /** The anti-replay window in packets, or 0 when the SA does no anti-replay check. */
    public int replayWindowSize() {
        return window.enabled() ? window.size() : 0;
    }

    /**
     * Sets the outbound counter as if {@code lastSent} had just been sent, so a test can start
     * near 2^32 (ESN rollover, RFC 4303 §3.3.3 exhaustion) without sending four billion packets.
     */
    public synchronized void presetOutboundSequence(long lastSent) {
        if (!params.esn() && Long.compareUnsigned(lastSent, LAST_32) > 0) {
            throw new IllegalArgumentException("a 32-bit SA cannot have sent " + Long.toUnsignedString(lastSent));
        }
        this.lastSent = lastSent;
    }

    /** Sets the inbound window as if {@code highest} had just been received, with an otherwise empty window. */
    public synchronized void presetInboundTop(long highest) {
        if (!params.esn() && Long.compareUnsigned(highest, LAST_32) > 0) {
            throw new IllegalArgumentException("a 32-bit SA cannot have received " + Long.toUnsignedString(highest));
        }
        window.preset(highest);
    }

    /**
     * Takes the next outbound sequence number, or returns 0 when the counter would cycle
     * (RFC 4303 §3.3.3: the SA must be replaced, never wrap). With SEQ_NOT_INCREMENTED it is always 1.
     */
    long nextSequence() {
        if (seqStuck) {
            lastSent = 1;
            return 1;
        }
        long last = params.esn() ? LAST_64 : LAST_32;
        if (lastSent == last) {
            return 0;
        }
        return ++lastSent;
    }

    /** The SPI as this SA writes it on the wire (byte-swapped with SPI_BYTE_SWAPPED). */
    int wireSpi() {
        int spi = (int) params.spi();
        return spiSwapped ? Integer.reverseBytes(spi) : spi;
    }

    @Override
    public String toString() {
        return "EspSa[spi=0x" + Long.toHexString(params.spi()) + ", " + params.direction() + ", " + params.mode()
                + ", " + suite + (params.esn() ? ", ESN" : "") + (defects.isEmpty() ? "" : ", defects=" + defects.active()) + "]";
    }
}
