package org.nicrig.host.verify;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.SaParams;

/**
 * The host's independent ESP (RFC 4303) for one SA, computed with Bouncy Castle's lightweight API
 * only. It opens a device's ESP packet (verify the ICV, decrypt, check the trailer, give back the
 * protected packet) and seals a packet with a caller-chosen IV and sequence number, so that a
 * device's output in fixed-IV test mode can be compared byte for byte.
 *
 * <p>Suites: AES-CBC (RFC 3602), 3DES-CBC (RFC 2451), DES-CBC (RFC 2405) with HMAC-MD5-96
 * (RFC 2403), HMAC-SHA1-96 (RFC 2404), HMAC-SHA-256-128 (RFC 4868), and AES-GCM with a 16-byte
 * ICV (RFC 4106). A CBC cipher with {@link Integrity#NONE} is accepted: RFC 4303 §3.2 allows
 * confidentiality-only SAs, and RFC 3602 §4 publishes its ESP examples (cases 5–8) that way; such
 * an SA has no ICV, so tampering goes unseen.
 *
 * <p>Sequence numbers are 64-bit values here. Without ESN only the low 32 bits exist. With ESN the
 * packet carries the low 32 bits and the caller supplies the high 32: for HMAC they are appended
 * after the Next Header for the ICV only (RFC 4303 §2.2.1, §3.3.2.1); for GCM the AAD is
 * SPI ‖ high ‖ low (RFC 4106 §5).
 *
 * <p>Immutable and thread-safe. Holds key bytes privately; {@link #toString()} shows none.
 */
public final class EspReference {
    static final int ESP_HEADER = 8;
    private static final int TRAILER = 2;

    private final SaParams sa;
    private final byte[] cipherKey;
    private final byte[] salt;
    private final byte[] authKey;

    public EspReference(SaParams sa) {
        this.sa = sa;
        Cipher cipher = sa.cipher();
        Integrity integrity = sa.integrity();
        if (cipher.isAead() && integrity != Integrity.NONE) {
            throw new IllegalArgumentException(
                    cipher + " is AEAD: its tag is the ICV, integrity must be NONE (RFC 4106 §8), not " + integrity);
        }
        if (sa.encryptionKey().length() != cipher.keyMaterialLength()) {
            throw new IllegalArgumentException(cipher + " needs " + cipher.keyMaterialLength()
                    + " bytes of key material, SA has " + sa.encryptionKey().length());
        }
        int authLength = cipher.isAead() || integrity == Integrity.NONE ? 0 : integrity.keyLength();
        if (sa.authenticationKey().length() != authLength) {
            throw new IllegalArgumentException(integrity + " needs a " + authLength
                    + "-byte authentication key, SA has " + sa.authenticationKey().length());
        }
        byte[] material = sa.encryptionKey().reveal();
        int keyLength = cipher.keyBits() / 8;
        this.cipherKey = Arrays.copyOf(material, keyLength);
        this.salt = Arrays.copyOfRange(material, keyLength, material.length);
        Arrays.fill(material, (byte) 0);
        this.authKey = sa.authenticationKey().reveal();
    }

    public SaParams sa() {
        return sa;
    }

    // ---------------------------------------------------------------- ESP layer (SPI .. ICV)

    /**
     * Builds the ESP packet (SPI, sequence, IV, ciphertext, ICV) for {@code payload} with the
     * minimal default padding 1, 2, 3, … (RFC 4303 §2.4).
     *
     * @param sequence   the 64-bit sequence number (high half must be 0 without ESN)
     * @param iv         the IV to use, exactly the cipher's IV length
     * @param nextHeader the Next Header value (RFC 4303 §2.6)
     */
    public byte[] sealEsp(long sequence, byte[] iv, byte[] payload, int nextHeader) {
        Cipher cipher = sa.cipher();
        requireSequence(sequence);
        if (iv.length != cipher.ivLength()) {
            throw new IllegalArgumentException(cipher + " IV is " + cipher.ivLength() + " bytes, got " + iv.length);
        }
        if ((nextHeader & ~0xff) != 0) {
            throw new IllegalArgumentException("next header must be 0..255: " + nextHeader);
        }
        int align = cipher.blockSize();
        int padLength = Math.floorMod(-(payload.length + TRAILER), align);
        byte[] plain = new byte[payload.length + padLength + TRAILER];
        System.arraycopy(payload, 0, plain, 0, payload.length);
        for (int k = 1; k <= padLength; k++) {
            plain[payload.length + k - 1] = (byte) k;
        }
        plain[plain.length - 2] = (byte) padLength;
        plain[plain.length - 1] = (byte) nextHeader;

        byte[] header = new byte[ESP_HEADER];
        Ipv4.put32(header, 0, sa.spi());
        Ipv4.put32(header, 4, sequence & 0xffff_ffffL);
        byte[] body = cipher.isAead()
                ? BcCrypto.gcmSeal(cipherKey, concat(salt, iv), gcmAad(header, sequence), plain)
                : BcCrypto.cbc(cipher, cipherKey, iv, plain, true);
        byte[] unauthenticated = concat(header, iv, body);
        if (cipher.isAead() || sa.integrity() == Integrity.NONE) {
            return unauthenticated;
        }
        return concat(unauthenticated, hmacIcv(unauthenticated, unauthenticated.length, sequence));
    }

    /**
     * Verifies and decrypts an ESP packet (SPI .. ICV, no IP header).
     *
     * @param seqHigh the high 32 bits of the sequence number when the SA uses ESN; ignored otherwise
     */
    public OpenResult openEsp(byte[] esp, int seqHigh) {
        Cipher cipher = sa.cipher();
        if (esp.length < ESP_HEADER) {
            return new OpenResult.Rejected(-1, -1,
                    Failure.ofInts(Check.LENGTH, ESP_HEADER, esp.length, "ESP shorter than its header"));
        }
        long spi = Ipv4.u32(esp, 0);
        long sequence = Ipv4.u32(esp, 4) | (sa.esn() ? (seqHigh & 0xffff_ffffL) << 32 : 0);
        if (spi != sa.spi()) {
            return new OpenResult.Rejected(spi, sequence,
                    Failure.of(Check.SPI, Hex.spi(sa.spi()), Hex.spi(spi), "RFC 4303 §2.1"));
        }
        int ivLength = cipher.ivLength();
        int icvLength = sa.icvLength();
        int encrypted = esp.length - ESP_HEADER - ivLength - icvLength;
        if (encrypted < TRAILER) {
            return new OpenResult.Rejected(spi, sequence, Failure.ofInts(Check.LENGTH,
                    ESP_HEADER + ivLength + TRAILER + icvLength, esp.length,
                    "ESP shorter than header + IV + trailer + ICV"));
        }
        if (encrypted % cipher.blockSize() != 0) {
            return new OpenResult.Rejected(spi, sequence, Failure.of(Check.LENGTH,
                    "a multiple of " + cipher.blockSize(), Integer.toString(encrypted),
                    "encrypted length (RFC 4303 §2.4)"));
        }
        byte[] iv = Arrays.copyOfRange(esp, ESP_HEADER, ESP_HEADER + ivLength);
        int bodyStart = ESP_HEADER + ivLength;
        byte[] plain;
        if (cipher.isAead()) {
            BcCrypto.GcmOpened opened = BcCrypto.gcmOpen(cipherKey, concat(salt, iv),
                    gcmAad(esp, sequence), Arrays.copyOfRange(esp, bodyStart, esp.length));
            if (!opened.ok()) {
                return new OpenResult.Rejected(spi, sequence, Failure.ofBytes(Check.ICV, opened.expectedTag(),
                        Arrays.copyOfRange(esp, esp.length - icvLength, esp.length), "AES-GCM tag (RFC 4106)"));
            }
            plain = opened.plaintext();
        } else {
            if (sa.integrity() != Integrity.NONE) {
                int icvStart = esp.length - icvLength;
                byte[] expected = hmacIcv(esp, icvStart, sequence);
                byte[] actual = Arrays.copyOfRange(esp, icvStart, esp.length);
                if (!MessageDigest.isEqual(expected, actual)) {
                    return new OpenResult.Rejected(spi, sequence,
                            Failure.ofBytes(Check.ICV, expected, actual, sa.integrity().name()));
                }
            }
            plain = BcCrypto.cbc(cipher, cipherKey, iv, Arrays.copyOfRange(esp, bodyStart, bodyStart + encrypted), false);
        }
        return trailer(spi, sequence, iv, plain);
    }

    /** Splits off padding, Pad Length and Next Header and checks them (RFC 4303 §2.4–2.6). */
    private static OpenResult trailer(long spi, long sequence, byte[] iv, byte[] plain) {
        int n = plain.length;
        int nextHeader = plain[n - 1] & 0xff;
        int padLength = plain[n - 2] & 0xff;
        if (padLength > n - TRAILER) {
            return new OpenResult.Rejected(spi, sequence, Failure.of(Check.PAD_LENGTH,
                    "at most " + (n - TRAILER), Integer.toString(padLength), "RFC 4303 §2.5"));
        }
        int payloadLength = n - TRAILER - padLength;
        byte[] expectedPad = new byte[padLength];
        for (int k = 1; k <= padLength; k++) {
            expectedPad[k - 1] = (byte) k;
        }
        byte[] actualPad = Arrays.copyOfRange(plain, payloadLength, payloadLength + padLength);
        if (!Arrays.equals(expectedPad, actualPad)) {
            return new OpenResult.Rejected(spi, sequence,
                    Failure.ofBytes(Check.PADDING, expectedPad, actualPad, "RFC 4303 §2.4 default padding"));
        }
        return new OpenResult.Opened(spi, sequence, Bytes.wrap(iv),
                Bytes.wrap(Arrays.copyOf(plain, payloadLength)), padLength, nextHeader,
                Bytes.wrap(Arrays.copyOf(plain, payloadLength)));
    }

    // ---------------------------------------------------------------- IPv4 layer

    /**
     * Protects an IPv4 packet. Transport mode keeps its header (protocol 50, length and checksum
     * updated; RFC 4303 §3.1.1). Tunnel mode wraps it in a new header from the SA's tunnel
     * endpoints with TOS and DF copied from the packet, its identification, and TTL
     * {@value OuterHeader#DEFAULT_TTL} (see {@link #seal(byte[], long, byte[], OuterHeader)}).
     */
    public byte[] seal(byte[] packet, long sequence, byte[] iv) {
        return seal(packet, sequence, iv, null);
    }

    /**
     * As {@link #seal(byte[], long, byte[])}, with the tunnel-mode outer header's free fields
     * given (ignored in transport mode): to reproduce a device's packet exactly, pass
     * {@code OuterHeader.of(devicePacket)}.
     *
     * @throws IllegalArgumentException if {@code packet} is not one whole valid IPv4 packet
     */
    public byte[] seal(byte[] packet, long sequence, byte[] iv, OuterHeader outer) {
        Failure bad = Ipv4.validate(packet, "packet to protect");
        if (bad != null) {
            throw new IllegalArgumentException(bad.toString());
        }
        if (sa.mode() == EspMode.TRANSPORT) {
            int hl = Ipv4.headerLength(packet);
            byte[] esp = sealEsp(sequence, iv, Arrays.copyOfRange(packet, hl, packet.length), Ipv4.protocol(packet));
            byte[] out = concat(Arrays.copyOf(packet, hl), esp);
            return withProtocol(out, Ipv4.PROTO_ESP);
        }
        OuterHeader o = outer != null ? outer : OuterHeader.copiedFrom(packet, Ipv4.u16(packet, 4));
        byte[] esp = sealEsp(sequence, iv, packet, Ipv4.PROTO_IPV4);
        byte[] out = new byte[Ipv4.MIN_HEADER + esp.length];
        out[0] = 0x45;
        out[1] = (byte) o.tos();
        Ipv4.put16(out, 4, o.identification());
        Ipv4.put16(out, 6, o.flagsAndFragment());
        out[8] = (byte) o.ttl();
        Ipv4.put32(out, 12, sa.tunnelSource() & 0xffff_ffffL);
        Ipv4.put32(out, 16, sa.tunnelDestination() & 0xffff_ffffL);
        System.arraycopy(esp, 0, out, Ipv4.MIN_HEADER, esp.length);
        return withProtocol(out, Ipv4.PROTO_ESP);
    }

    /** {@link #open(byte[], int)} for an SA without ESN (or ESN high bits 0). */
    public OpenResult open(byte[] packet) {
        return open(packet, 0);
    }

    /**
     * Verifies and decrypts an ESP-protected IPv4 packet and gives back what it protected:
     * transport mode rebuilds the original packet (protocol = Next Header, total length and
     * checksum fixed), tunnel mode returns the inner packet (Next Header must be 4).
     */
    public OpenResult open(byte[] packet, int seqHigh) {
        Failure bad = Ipv4.validate(packet, "ESP packet");
        if (bad != null) {
            return new OpenResult.Rejected(-1, -1, bad);
        }
        if (Ipv4.protocol(packet) != Ipv4.PROTO_ESP) {
            return new OpenResult.Rejected(-1, -1,
                    Failure.ofInts(Check.MALFORMED, Ipv4.PROTO_ESP, Ipv4.protocol(packet), "IPv4 protocol"));
        }
        int hl = Ipv4.headerLength(packet);
        OpenResult result = openEsp(Arrays.copyOfRange(packet, hl, packet.length), seqHigh);
        if (!(result instanceof OpenResult.Opened o)) {
            return result;
        }
        if (sa.mode() == EspMode.TUNNEL) {
            if (o.nextHeader() != Ipv4.PROTO_IPV4) {
                return new OpenResult.Rejected(o.spi(), o.sequence(), Failure.ofInts(Check.NEXT_HEADER,
                        Ipv4.PROTO_IPV4, o.nextHeader(), "tunnel mode carries IPv4 (RFC 4303 §2.6)"));
            }
            return o;
        }
        if (o.nextHeader() == Ipv4.PROTO_NONE) {
            return new OpenResult.Rejected(o.spi(), o.sequence(), Failure.of(Check.NEXT_HEADER,
                    "an upper-layer protocol", "59", "dummy packet (RFC 4303 §2.6)"));
        }
        byte[] rebuilt = withProtocol(concat(Arrays.copyOf(packet, hl), o.payload().toArray()), o.nextHeader());
        return new OpenResult.Opened(o.spi(), o.sequence(), o.iv(), o.payload(), o.padLength(),
                o.nextHeader(), Bytes.wrap(rebuilt));
    }

    // ---------------------------------------------------------------- helpers

    private void requireSequence(long sequence) {
        if (!sa.esn() && (sequence >>> 32) != 0) {
            throw new IllegalArgumentException("sequence " + sequence + " needs ESN, SA has 32-bit sequence numbers");
        }
    }

    /** RFC 4106 §5: AAD is SPI ‖ 32-bit sequence, or SPI ‖ 64-bit extended sequence number. */
    private byte[] gcmAad(byte[] espHeader, long sequence) {
        byte[] aad = new byte[sa.esn() ? 12 : 8];
        System.arraycopy(espHeader, 0, aad, 0, 4);
        if (sa.esn()) {
            Ipv4.put32(aad, 4, sequence >>> 32);
        }
        Ipv4.put32(aad, aad.length - 4, sequence & 0xffff_ffffL);
        return aad;
    }

    /**
     * The truncated HMAC over esp[0, end): ESP header, IV, ciphertext (RFC 4303 §3.3.4), followed,
     * with ESN, by the high-order 32 bits of the sequence number (RFC 4303 §2.2.1).
     */
    private byte[] hmacIcv(byte[] esp, int end, long sequence) {
        byte[] covered = Arrays.copyOf(esp, end);
        if (!sa.esn()) {
            return BcCrypto.icv(sa.integrity(), authKey, covered);
        }
        byte[] high = new byte[4];
        Ipv4.put32(high, 0, sequence >>> 32);
        return BcCrypto.icv(sa.integrity(), authKey, covered, high);
    }

    private static byte[] withProtocol(byte[] packet, int protocol) {
        packet[9] = (byte) protocol;
        Ipv4.put16(packet, 2, packet.length);
        Ipv4.writeChecksum(packet);
        return packet;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "EspReference[spi=" + Hex.spi(sa.spi()) + ", " + sa.mode() + ", " + sa.cipher() + ", "
                + sa.integrity() + (sa.esn() ? ", ESN" : "") + "]";
    }
}
