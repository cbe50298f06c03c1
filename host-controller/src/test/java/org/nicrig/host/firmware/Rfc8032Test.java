package org.nicrig.host.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ed25519 pinned to RFC 8032 §7.1 (TEST 1, 2, 3 and 1024) on both sides of a firmware update:
 * the host signs and verifies with Bouncy Castle ({@link SigningKey}, {@link VerifyingKey}); the
 * device model verifies with the JDK's {@code Signature.getInstance("Ed25519")}. Both reproduce
 * the RFC's signatures, so an image the host signs is one the device accepts for a reason other
 * than "the same code said so".
 */
class Rfc8032Test {
    /** DER prefixes of an Ed25519 SubjectPublicKeyInfo and PKCS#8 key (RFC 8410 §10.1, §10.3). */
    static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    static Stream<Rfc8032Vectors.Vector> vectors() {
        return Rfc8032Vectors.all().stream();
    }

    @Test
    void allFourVectorsAreThere() {
        assertThat(Rfc8032Vectors.all()).extracting(Rfc8032Vectors.Vector::name).containsExactly("1", "2", "3", "1024");
        assertThat(Rfc8032Vectors.all()).extracting(v -> v.message().length).containsExactly(0, 1, 2, 1023);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void bouncyCastleDerivesThePublicKeyAndReproducesTheSignature(Rfc8032Vectors.Vector v) {
        SigningKey key = SigningKey.fromSeed(v.secretKey());
        assertThat(key.publicKey().raw().toArray()).isEqualTo(v.publicKey());
        assertThat(key.sign(v.message())).isEqualTo(v.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void bouncyCastleVerifiesTheSignatureAndNothingElse(Rfc8032Vectors.Vector v) {
        VerifyingKey key = VerifyingKey.of(v.publicKey());
        assertThat(key.verify(v.message(), v.signature())).isTrue();
        assertThat(key.verify(v.message(), flipped(v.signature(), 0))).isFalse();
        assertThat(key.verify(v.message(), flipped(v.signature(), 63))).isFalse();
        if (v.message().length > 0) {
            assertThat(key.verify(flipped(v.message(), v.message().length - 1), v.signature())).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theJdkVerifierAcceptsTheRfcSignatureAndNothingElse(Rfc8032Vectors.Vector v) throws GeneralSecurityException {
        PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, v.publicKey())));
        assertThat(jdkVerify(pub, v.message(), v.signature())).isTrue();
        assertThat(jdkVerify(pub, v.message(), flipped(v.signature(), 10))).isFalse();
        assertThat(jdkVerify(pub, concat(v.message(), new byte[] {0}), v.signature())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theJdkSignerGivesTheSameBytes(Rfc8032Vectors.Vector v) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, v.secretKey())));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(v.message());
        assertThat(s.sign()).isEqualTo(v.signature());
    }

    /** Key ids computed with Python's hashlib: sha256(raw public key).hexdigest()[:16]. */
    @Test
    void keyIdsAreTheFirstEightBytesOfTheKeysSha256() {
        assertThat(VerifyingKey.of(Rfc8032Vectors.all().get(0).publicKey()).keyId().hex()).isEqualTo("21fe31dfa154a261");
        // keys/nicrig-dev.pub, the contract's raw public key
        assertThat(VerifyingKey.fromHex("0c7012cacbee7d04843dc253062fe658dbebe98a540ce76cefc624855e10d653").keyId().hex())
                .isEqualTo("ec7cda9ecd741a14");
    }

    /**
     * The JDK's verdict. Its verify() throws SignatureException ("Invalid point") instead of
     * returning false when R is not a point on the curve: a device must count that as a bad
     * signature too (FIRMWARE-IMAGE.md §5).
     */
    static boolean jdkVerify(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(message);
        try {
            return s.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    static byte[] flipped(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 1;
        return c;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
