package org.nicrig.model.esp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.KeyBytes;

/** The computation behind {@link EspProcessor#selfTest}; its definition is documented there. */
final class SelfTest {
    private SelfTest() {
    }

    static EspResult run(Cipher cipher, Integrity integrity, KeyBytes key, KeyBytes authKey, byte[] iv, byte[] data) {
        if (cipher == null || integrity == null || key == null || authKey == null || iv == null || data == null) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, 0, "self-test needs cipher, integrity, key, authKey, iv and data");
        }
        EspSuite suite;
        try {
            suite = EspSuite.of(cipher, integrity);
        } catch (IllegalArgumentException e) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, 0, e.getMessage());
        }
        String problem = problem(suite, key, authKey, iv, data);
        if (problem != null) {
            return EspResult.fail(JobStatus.MALFORMED_PACKET, 0, problem);
        }
        byte[] material = key.reveal();
        try {
            SecretKeySpec cipherKey = new SecretKeySpec(material, 0, suite.cipherKeyLength(), suite.jceKeyAlgorithm());
            javax.crypto.Cipher jce = javax.crypto.Cipher.getInstance(suite.jceTransformation());
            if (suite.isAead()) {
                byte[] nonce = new byte[12];
                System.arraycopy(material, suite.cipherKeyLength(), nonce, 0, 4);
                System.arraycopy(iv, 0, nonce, 4, 8);
                jce.init(javax.crypto.Cipher.ENCRYPT_MODE, cipherKey, new GCMParameterSpec(128, nonce));
                return EspResult.ok(jce.doFinal(data), 0);
            }
            jce.init(javax.crypto.Cipher.ENCRYPT_MODE, cipherKey, new IvParameterSpec(iv));
            byte[] c = jce.doFinal(data);
            if (suite.jceMacAlgorithm() == null) {
                return EspResult.ok(c, 0);
            }
            IcvMac mac = IcvMac.of(integrity, authKey);
            mac.update(iv, 0, iv.length);
            mac.update(c, 0, c.length);
            byte[] out = Arrays.copyOf(c, c.length + mac.length());
            mac.finish(out, c.length, mac.length());
            return EspResult.ok(out, 0);
        } catch (GeneralSecurityException e) {
            return EspResult.fail(JobStatus.ENGINE_FAILED, 0, "the JCE refused the self-test (" + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static String problem(EspSuite suite, KeyBytes key, KeyBytes authKey, byte[] iv, byte[] data) {
        if (key.length() != suite.keyMaterialLength()) {
            return suite.cipher() + " needs " + suite.keyMaterialLength() + " bytes of key material, got " + key.length();
        }
        if (authKey.length() != suite.authKeyLength()) {
            return suite.integrity() + " needs a " + suite.authKeyLength() + "-byte authentication key, got " + authKey.length();
        }
        if (iv.length != suite.ivLength()) {
            return suite.cipher() + " needs a " + suite.ivLength() + "-byte IV, got " + iv.length;
        }
        if (!suite.isAead() && data.length % suite.cipher().blockSize() != 0) {
            return "self-test data of " + data.length + " bytes is not a whole number of "
                    + suite.cipher().blockSize() + "-byte blocks (no padding is added)";
        }
        return null;
    }
}
