package org.nicrig.protocol.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/**
 * A nicrig firmware image (FIRMWARE-IMAGE.md): header with manifest, payload, and a trailer that
 * is either "unsigned" or an Ed25519 signature over header and payload. {@link #parse} checks
 * everything the format itself can check — structure, enumerated values and the payload's
 * SHA-256 — but not the signature, which needs a key and belongs to whoever trusts one.
 */
public record FirmwareImage(ImageManifest manifest, Bytes payload, Optional<ImageSignature> signature) {
    public static final byte[] MAGIC = {'N', 'R', 'F', 'W'};
    public static final int FORMAT_VERSION = 1;
    private static final int HASH = 32;

    public FirmwareImage {
        java.util.Objects.requireNonNull(manifest, "manifest");
        java.util.Objects.requireNonNull(payload, "payload");
        java.util.Objects.requireNonNull(signature, "signature");
    }

    public static FirmwareImage unsigned(ImageManifest manifest, byte[] payload) {
        return new FirmwareImage(manifest, Bytes.copyOf(payload), Optional.empty());
    }

    public FirmwareImage withSignature(ImageSignature s) {
        return new FirmwareImage(manifest, payload, Optional.of(s));
    }

    public boolean signed() {
        return signature.isPresent();
    }

    /** The bytes a signature covers: header and payload (FIRMWARE-IMAGE.md §5). */
    public byte[] signedBytes() {
        byte[] header = header();
        byte[] out = Arrays.copyOf(header, header.length + payload.length());
        payload.copyTo(out, header.length);
        return out;
    }

    /** The whole image as stored in a file and sent with FW_CHUNK. */
    public byte[] toBytes() {
        byte[] signedPart = signedBytes();
        int trailer = signature.map(s -> 1 + ImageSignature.KEY_ID_LENGTH + ImageSignature.ED25519_LENGTH).orElse(1);
        byte[] out = Arrays.copyOf(signedPart, signedPart.length + trailer);
        int p = signedPart.length;
        if (signature.isEmpty()) {
            out[p] = 0;
        } else {
            ImageSignature s = signature.get();
            out[p++] = (byte) s.algorithm();
            s.keyId().copyTo(out, p);
            s.signature().copyTo(out, p + ImageSignature.KEY_ID_LENGTH);
        }
        return out;
    }

    /** The SHA-256 of the whole image: what FW_BEGIN announces and FW_COMMIT checks. */
    public byte[] digest() {
        return Sha256.of(toBytes());
    }

    private byte[] header() {
        ImageManifest m = manifest;
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        b.writeBytes(MAGIC);
        b.write(FORMAT_VERSION);
        b.write(0); // reserved
        b.write(0); // header length, patched below
        b.write(0);
        u16(b, m.target().vendorId());
        u16(b, m.target().deviceId());
        b.write(m.target().revisionMin());
        b.write(m.target().revisionMax());
        b.write(m.version().major());
        b.write(m.version().minor());
        u16(b, m.version().patch());
        u32(b, m.rollbackCounter());
        ImageCapabilities c = m.capabilities();
        b.write((c.engine() ? 1 : 0) | (c.secondaryUse() ? 2 : 0));
        b.write(c.ciphers().size());
        for (CipherRate r : c.ciphers()) {
            u16(b, r.cipher().transformId());
            u16(b, r.cipher().keyBits());
            u32(b, r.bytesPerSecond());
        }
        b.write(c.integrities().size());
        for (Integrity i : c.integrities()) {
            u16(b, i.transformId());
        }
        b.write(m.modelDefects().size());
        for (String d : m.modelDefects()) {
            byte[] a = d.getBytes(StandardCharsets.US_ASCII);
            b.write(a.length);
            b.writeBytes(a);
        }
        u32(b, payload.length());
        b.writeBytes(Sha256.of(payload.toArray()));
        byte[] h = b.toByteArray();
        if (h.length > 0xFFFF) {
            throw new IllegalArgumentException("header of " + h.length + " bytes exceeds 65535");
        }
        h[6] = (byte) (h.length >>> 8);
        h[7] = (byte) h.length;
        return h;
    }

    /**
     * Reads an image; refuses anything the format forbids with the byte where it is wrong
     * (FIRMWARE-IMAGE.md §9 lists every check in order).
     *
     * @throws ImageFormatException bad magic, unknown format version, reserved bits set, unknown
     *                              or repeated cipher, integrity or defect, lengths that do not add
     *                              up, a payload whose SHA-256 is not the header's, an unknown
     *                              signature algorithm, bytes after the trailer
     */
    public static FirmwareImage parse(byte[] image) throws ImageFormatException {
        ImageHeader header = parseHeader(image);
        Reader r = new Reader(image);
        r.pos = header.length();
        long payloadLength = header.payloadLength();
        if (payloadLength > image.length - r.pos) {
            throw new ImageFormatException(r.pos, "payload of " + payloadLength + " bytes announced, only "
                    + (image.length - r.pos) + " bytes follow the header (truncated image?)");
        }
        int payloadAt = r.pos;
        byte[] payload = r.bytes((int) payloadLength, "payload");
        if (!MessageDigest.isEqual(Sha256.of(payload), header.payloadSha256().toArray())) {
            throw new ImageFormatException(payloadAt, "payload does not match the header's SHA-256 (corrupt image)");
        }
        int trailerAt = r.pos;
        int algorithm = r.u8("signature algorithm");
        Optional<ImageSignature> signature;
        if (algorithm == 0) {
            signature = Optional.empty();
        } else if (algorithm == ImageSignature.ED25519) {
            byte[] keyId = r.bytes(ImageSignature.KEY_ID_LENGTH, "signing key id");
            byte[] sig = r.bytes(ImageSignature.ED25519_LENGTH, "Ed25519 signature");
            signature = Optional.of(ImageSignature.ed25519(keyId, sig));
        } else {
            throw new ImageFormatException(trailerAt, "unknown signature algorithm " + algorithm + " (0 unsigned, 1 Ed25519)");
        }
        if (r.pos != image.length) {
            int extra = image.length - r.pos;
            throw new ImageFormatException(r.pos, extra + (extra == 1 ? " byte" : " bytes") + " after the signature trailer");
        }
        return new FirmwareImage(header.manifest(), Bytes.wrap(payload), signature);
    }

    /**
     * Reads the header's fixed start, its first {@link ImageFixedPart#LENGTH} bytes (magic to
     * rollback counter): all a device needs to refuse a wrong target or a rolled-back image as soon
     * as the first chunk is in (FIRMWARE-IMAGE.md §9, FIRMWARE-DEVICE-RULES.md D.3).
     *
     * @throws ImageFormatException as {@link #parse}, for these fields
     */
    public static ImageFixedPart parseFixedPart(byte[] start) throws ImageFormatException {
        return readFixedPart(new Reader(start));
    }

    private static ImageFixedPart readFixedPart(Reader r) throws ImageFormatException {
        byte[] magic = r.bytes(4, "magic");
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ImageFormatException(0, "magic is not \"NRFW\" (4e 52 46 57) — not a nicrig firmware image");
        }
        int version = r.u8("format version");
        if (version != FORMAT_VERSION) {
            throw new ImageFormatException(4, "format version " + version + " (this reader knows " + FORMAT_VERSION + ")");
        }
        if (r.u8("reserved") != 0) {
            throw new ImageFormatException(5, "reserved byte is not 0");
        }
        int headerLength = r.u16("header length");
        int vendor = r.u16("vendor id");
        int device = r.u16("device id");
        int revMin = r.u8("revision min");
        int revMax = r.u8("revision max");
        if (revMin > revMax) {
            throw new ImageFormatException(12, String.format("revision range 0x%02x..0x%02x is empty", revMin, revMax));
        }
        ImageTarget target = new ImageTarget(vendor, device, revMin, revMax);
        FirmwareVersion fw = new FirmwareVersion(r.u8("major"), r.u8("minor"), r.u16("patch"));
        long rollback = r.u32("rollback counter");
        return new ImageFixedPart(headerLength, target, fw, rollback);
    }

    /**
     * Reads the header from the start of an image — all of the image or only its first
     * {@link ImageHeader#length()} bytes — so that a device can check target and rollback as soon
     * as the header has arrived, before the payload (FIRMWARE-IMAGE.md §7). Checks everything in
     * the header; nothing after it.
     *
     * @throws ImageFormatException as {@link #parse}, for the header's fields; "truncated" when
     *                              {@code start} ends inside the header
     */
    public static ImageHeader parseHeader(byte[] start) throws ImageFormatException {
        Reader r = new Reader(start);
        ImageFixedPart fixed = readFixedPart(r);
        int headerLength = fixed.headerLength();
        ImageTarget target = fixed.target();
        FirmwareVersion fw = fixed.version();
        long rollback = fixed.rollbackCounter();
        int flagsAt = r.pos;
        int flags = r.u8("capability flags");
        if ((flags & ~3) != 0) {
            throw new ImageFormatException(flagsAt, String.format("reserved capability flag bits set: 0x%02x", flags));
        }
        boolean engine = (flags & 1) != 0;
        int n = r.u8("cipher count");
        List<CipherRate> ciphers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = r.pos;
            int id = r.u16("cipher id");
            int bits = r.u16("cipher key bits");
            long rate = r.u32("cipher rate");
            Cipher c = Cipher.fromWire(id, bits);
            if (c == null) {
                throw new ImageFormatException(at, "unknown cipher: IKEv2 transform " + id + " with " + bits + "-bit key");
            }
            if (ciphers.stream().anyMatch(x -> x.cipher() == c)) {
                throw new ImageFormatException(at, c + " is listed twice");
            }
            ciphers.add(new CipherRate(c, rate));
        }
        int m = r.u8("integrity count");
        List<Integrity> integrities = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            int at = r.pos;
            int id = r.u16("integrity id");
            Integrity in = Integrity.fromWire(id);
            if (in == null) {
                throw new ImageFormatException(at, "unknown integrity: IKEv2 transform " + id);
            }
            if (integrities.contains(in)) {
                throw new ImageFormatException(at, in + " is listed twice");
            }
            integrities.add(in);
        }
        if (!engine && (flags != 0 || n != 0 || m != 0)) {
            throw new ImageFormatException(flagsAt, "a firmware without an engine offers no ciphers, integrities or secondary use");
        }
        int d = r.u8("defect count");
        List<String> defects = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            int at = r.pos;
            int len = r.u8("defect name length");
            String name = new String(r.bytes(len, "defect name"), StandardCharsets.US_ASCII);
            if (len == 0 || !name.chars().allMatch(ch -> ch > 0x20 && ch < 0x7F)) {
                throw new ImageFormatException(at, "defect name is not 1..255 printable ASCII characters without spaces");
            }
            if (defects.contains(name)) {
                throw new ImageFormatException(at, "defect " + name + " is listed twice");
            }
            defects.add(name);
        }
        long payloadLength = r.u32("payload length");
        byte[] hash = r.bytes(HASH, "payload SHA-256");
        if (r.pos != headerLength) {
            throw new ImageFormatException(6, "header length says " + headerLength + " bytes, its fields take " + r.pos);
        }
        ImageManifest manifest = new ImageManifest(target, fw, rollback,
                new ImageCapabilities(engine, (flags & 2) != 0, ciphers, integrities), defects);
        return new ImageHeader(headerLength, manifest, payloadLength, Bytes.wrap(hash));
    }

    /**
     * The header length field of an image that starts with {@code start} (at least its first
     * 8 bytes): how many bytes {@link #parseHeader} needs. Checks only the magic.
     */
    public static int headerLength(byte[] start) throws ImageFormatException {
        if (start.length < 8) {
            throw new ImageFormatException(start.length, "need 8 bytes to read the header length");
        }
        if (!Arrays.equals(Arrays.copyOf(start, 4), MAGIC)) {
            throw new ImageFormatException(0, "magic is not \"NRFW\" (4e 52 46 57) — not a nicrig firmware image");
        }
        return ((start[6] & 0xFF) << 8) | (start[7] & 0xFF);
    }

    private static void u16(ByteArrayOutputStream b, int v) {
        b.write(v >>> 8);
        b.write(v);
    }

    private static void u32(ByteArrayOutputStream b, long v) {
        b.write((int) (v >>> 24));
        b.write((int) (v >>> 16));
        b.write((int) (v >>> 8));
        b.write((int) v);
    }

    /** Bounds-checked big-endian reads that name the field that ran out. */
    private static final class Reader {
        private final byte[] b;
        int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        private void need(int n, String field) throws ImageFormatException {
            if (b.length - pos < n) {
                throw new ImageFormatException(pos, field + " needs " + n + (n == 1 ? " byte, " : " bytes, ")
                        + (b.length - pos) + " left (truncated image?)");
            }
        }

        int u8(String field) throws ImageFormatException {
            need(1, field);
            return b[pos++] & 0xFF;
        }

        int u16(String field) throws ImageFormatException {
            need(2, field);
            int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            pos += 2;
            return v;
        }

        long u32(String field) throws ImageFormatException {
            need(4, field);
            long v = ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            pos += 4;
            return v;
        }

        byte[] bytes(int n, String field) throws ImageFormatException {
            need(n, field);
            byte[] out = Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }
    }
}
