package org.nicrig.model.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.protocol.message.Bytes;

/** The device's trusted key: the JDK's Ed25519 against a published vector, and PEM files. */
class TrustedKeyTest {

    @Test
    void verifiesRfc8032Test2AndRefusesItChanged() {
        // RFC 8032 §7.1, TEST 2 (one-octet message 0x72)
        TrustedKey key = TrustedKey.of(HexFormat.of().parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
        Bytes sig = Bytes.fromHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        assertThat(key.verifies(new byte[] {0x72}, sig)).isTrue();
        assertThat(key.verifies(new byte[] {0x73}, sig)).isFalse();
        assertThat(TrustedKey.DEVELOPMENT.verifies(new byte[] {0x72}, sig)).isFalse();
        assertThat(key.verifies(new byte[] {0x72}, Bytes.wrap(new byte[10]))).as("not even a signature").isFalse();
    }

    @Test
    void theBuiltInKeyIsTheRepositorysDevelopmentKey() throws Exception {
        assertThat(TrustedKey.readPem(Path.of("..", "keys", "nicrig-dev.pub"))).isEqualTo(TrustedKey.DEVELOPMENT);
        assertThat(TrustedKey.DEVELOPMENT.keyId().length()).isEqualTo(8);
    }

    @Test
    void aFileThatIsNotAnEd25519PublicKeyIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("absent.pub");
        assertThatThrownBy(() -> TrustedKey.readPem(missing)).isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith(missing + ": cannot read");
        Path privateKey = Path.of("..", "keys", "nicrig-dev.key");
        assertThatThrownBy(() -> TrustedKey.readPem(privateKey)).isInstanceOf(KeyFileException.class)
                .hasMessage(privateKey + ": holds a private key; a device trusts a public key (the .pub file)");
        Path text = Files.writeString(dir.resolve("notes.pub"), "hello\n");
        assertThatThrownBy(() -> TrustedKey.readPem(text)).hasMessageStartingWith(text + ": not a PEM public key");
        // an RSA-sized body: well-formed PEM and base64, not an Ed25519 key
        Path rsa = Files.writeString(dir.resolve("rsa.pub"), "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAK==\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> TrustedKey.readPem(rsa)).isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith(rsa + ": not an Ed25519 public key");
    }
}
