package org.nicrig.model.firmware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.Bytes;

/**
 * The Ed25519 public key a device accepts firmware from (its "fused" key), as the raw 32 bytes of
 * RFC 8032 §5.1.5. Verification uses the JDK's own Ed25519 ({@code Signature "Ed25519"}, Java 15+),
 * never Bouncy Castle: the host signs with Bouncy Castle, so neither side checks itself (design
 * invariant 1).
 */
public record TrustedKey(Bytes raw) {
    /**
     * The development key every emulated device trusts unless told otherwise: the public half of
     * {@code keys/nicrig-dev.key}, i.e. the last 32 bytes of the SubjectPublicKeyInfo in
     * {@code keys/nicrig-dev.pub} (see keys/README.md). Public on purpose, so never trusted by real
     * hardware.
     */
    public static final TrustedKey DEVELOPMENT =
            of(HexFormat.of().parseHex("0c7012cacbee7d04843dc253062fe658dbebe98a540ce76cefc624855e10d653"));

    public static final int LENGTH = 32;

    /** DER SubjectPublicKeyInfo of an Ed25519 key up to the key bytes (RFC 8410 §4: id-Ed25519 = 1.3.101.112). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public TrustedKey {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is " + LENGTH + " bytes, got " + raw.length());
        }
    }

    public static TrustedKey of(byte[] raw) {
        return new TrustedKey(Bytes.copyOf(raw));
    }

    /**
     * Reads a PEM "PUBLIC KEY" file (SubjectPublicKeyInfo, as {@code openssl pkey -pubout} and
     * {@code nicrig fw keygen} write it).
     *
     * @throws KeyFileException naming the file: unreadable, a private key, not PEM, not Ed25519
     */
    public static TrustedKey readPem(Path file) throws KeyFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyFileException(file, "cannot read the trusted key: " + IoReason.of(e), e);
        }
        if (text.contains("PRIVATE KEY-----")) {
            throw new KeyFileException(file, "holds a private key; a device trusts a public key (the .pub file)");
        }
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new KeyFileException(file, "not a PEM public key (expected " + begin + " ... " + end + ")");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException x) {
            throw new KeyFileException(file, "the PEM body is not base64: " + x.getMessage());
        }
        String notEd25519 = "not an Ed25519 public key (a SubjectPublicKeyInfo with algorithm id-Ed25519, RFC 8410)";
        if (der.length != SPKI_PREFIX.length + LENGTH || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new KeyFileException(file, notEd25519);
        }
        try {
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)); // the JDK decodes it too
        } catch (GeneralSecurityException x) {
            throw new KeyFileException(file, notEd25519, x);
        }
        return of(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
    }

    /** The key id images carry: the first 8 bytes of SHA-256 of the raw key (FIRMWARE-IMAGE.md). */
    public Bytes keyId() {
        return Bytes.wrap(Sha256.keyId(raw.toArray()));
    }

    /** Whether {@code signature} is this key's Ed25519 signature over {@code message}. */
    public boolean verifies(byte[] message, Bytes signature) {
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(publicKey());
            v.update(message);
            return v.verify(signature.toArray());
        } catch (GeneralSecurityException e) {
            return false; // a signature that cannot even be decoded does not verify
        }
    }

    private PublicKey publicKey() throws GeneralSecurityException {
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + LENGTH);
        raw.copyTo(der, SPKI_PREFIX.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    @Override
    public String toString() {
        return "Ed25519 key " + keyId().hex();
    }
}
