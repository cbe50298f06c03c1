package org.nicrig.host.firmware;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Ed25519 keys as the PEM text openssl reads and writes ({@code openssl genpkey -algorithm
 * ed25519}, {@code openssl pkey -pubout}): a private key is PKCS#8 (RFC 5208, RFC 5958) under
 * {@code -----BEGIN PRIVATE KEY-----}, a public key SubjectPublicKeyInfo (RFC 5280 §4.1) under
 * {@code -----BEGIN PUBLIC KEY-----}, both with the algorithm id-Ed25519, OID 1.3.101.112, and no
 * parameters (RFC 8410 §3, §4, §7). No I/O here: {@link KeyFiles} reads and writes the files.
 * A problem is a short text for {@link FirmwareFileException}; none quotes the key.
 */
public final class KeyPem {
    /** id-Ed25519 (RFC 8410 §3). */
    static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
    static final String PRIVATE = "PRIVATE KEY";
    static final String PUBLIC = "PUBLIC KEY";
    /** Key algorithms a user may hand us by mistake, to say what the file holds. */
    private static final Map<String, String> OTHER_ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.1", "an RSA key",
            "1.2.840.10045.2.1", "an EC key",
            "1.3.101.113", "an Ed448 key",
            "1.3.101.110", "an X25519 key",
            "1.3.101.111", "an X448 key");

    private KeyPem() {
    }

    /** {@code -----BEGIN PRIVATE KEY-----} ... : PKCS#8 v1 (version 0), the form openssl writes. */
    public static String privateKey(SigningKey key) {
        byte[] seed = key.seed();
        try {
            PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(ED25519), new DEROctetString(seed));
            return pem(PRIVATE, info.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // DER-encoding a fixed structure in memory
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    /** {@code -----BEGIN PUBLIC KEY-----} ... */
    public static String publicKey(VerifyingKey key) {
        try {
            SubjectPublicKeyInfo info = new SubjectPublicKeyInfo(new AlgorithmIdentifier(ED25519), key.raw().toArray());
            return pem(PUBLIC, info.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The private key in {@code text}. */
    public static SigningKey parsePrivate(String text) throws KeyProblem {
        byte[] der = body(text, PRIVATE);
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw new KeyProblem("not a PKCS#8 private key (the DER inside the PEM does not parse)");
        }
        if (info == null) {
            throw new KeyProblem("not a PKCS#8 private key (empty)");
        }
        algorithm(info.getPrivateKeyAlgorithm());
        byte[] seed;
        try {
            ASN1Encodable inner = info.parsePrivateKey();
            seed = ASN1OctetString.getInstance(inner).getOctets();
        } catch (IOException | RuntimeException e) {
            throw new KeyProblem("not an Ed25519 private key (RFC 8410 §7 wants an OCTET STRING of 32 bytes)");
        }
        if (seed.length != 32) {
            throw new KeyProblem("an Ed25519 private key is 32 bytes, this one has " + seed.length);
        }
        SigningKey key = SigningKey.fromSeed(seed);
        java.util.Arrays.fill(seed, (byte) 0);
        if (info.getPublicKeyData() != null) {
            // RFC 5958 OneAsymmetricKey may carry the public key too: it must be this key's
            byte[] given = info.getPublicKeyData().getOctets();
            if (!java.util.Arrays.equals(given, key.publicKey().raw().toArray())) {
                throw new KeyProblem("the public key stored with the private key does not belong to it");
            }
        }
        return key;
    }

    /** The public key in {@code text}. */
    public static VerifyingKey parsePublic(String text) throws KeyProblem {
        byte[] der = body(text, PUBLIC);
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw new KeyProblem("not a SubjectPublicKeyInfo public key (the DER inside the PEM does not parse)");
        }
        if (info == null) {
            throw new KeyProblem("not a SubjectPublicKeyInfo public key (empty)");
        }
        algorithm(info.getAlgorithm());
        if (info.getPublicKeyData().getPadBits() != 0 || info.getPublicKeyData().getOctets().length != VerifyingKey.LENGTH) {
            throw new KeyProblem("an Ed25519 public key is 32 bytes, this one has " + info.getPublicKeyData().getBytes().length);
        }
        try {
            return VerifyingKey.of(info.getPublicKeyData().getOctets());
        } catch (IllegalArgumentException e) {
            throw new KeyProblem(e.getMessage());
        }
    }

    private static void algorithm(AlgorithmIdentifier id) throws KeyProblem {
        String oid = id.getAlgorithm().getId();
        if (!id.getAlgorithm().equals(ED25519)) {
            throw new KeyProblem("not an Ed25519 key: " + OTHER_ALGORITHMS.getOrDefault(oid, "algorithm OID " + oid)
                    + " (make one with nicrig fw keygen or openssl genpkey -algorithm ed25519)");
        }
        if (id.getParameters() != null) {
            throw new KeyProblem("id-Ed25519 takes no parameters (RFC 8410 §3), this key has some");
        }
    }

    /** The DER under the one PEM block of {@code text}, which must be of type {@code type}. */
    private static byte[] body(String text, String type) throws KeyProblem {
        PemObject pem;
        try (PemReader reader = new PemReader(new StringReader(text))) {
            pem = reader.readPemObject();
            if (pem != null && reader.readPemObject() != null) {
                throw new KeyProblem("holds more than one PEM block; a key file holds one key");
            }
        } catch (IOException | RuntimeException e) {
            throw new KeyProblem("not a readable PEM file (bad base64 or a missing -----END line)");
        }
        if (pem == null) {
            throw new KeyProblem("not a PEM file: no -----BEGIN " + type + "----- line");
        }
        if (!pem.getType().equals(type)) {
            throw new KeyProblem(wrongType(pem.getType(), type));
        }
        return pem.getContent();
    }

    private static String wrongType(String found, String wanted) {
        if (found.equals(PUBLIC) && wanted.equals(PRIVATE)) {
            return "this is a public key; signing needs the private key (NAME.key)";
        }
        if (found.equals(PRIVATE) && wanted.equals(PUBLIC)) {
            return "this is a private key; verifying takes the public key (NAME.pub)";
        }
        if (found.equals("ENCRYPTED PRIVATE KEY")) {
            return "the private key is encrypted; nicrig reads unencrypted PKCS#8 "
                    + "(openssl pkey -in KEY -out PLAIN.key writes one)";
        }
        return "expected -----BEGIN " + wanted + "-----, found -----BEGIN " + found + "-----";
    }

    private static String pem(String type, byte[] der) throws IOException {
        StringWriter text = new StringWriter();
        try (PemWriter w = new PemWriter(text)) {
            w.writeObject(new PemObject(type, der));
        }
        return text.toString();
    }

    /** What is wrong with a key's text; the caller adds the file. */
    public static final class KeyProblem extends Exception {
        public KeyProblem(String problem) {
            super(problem, null, false, false);
        }
    }
}
