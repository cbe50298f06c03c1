package org.nicrig.host.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key files as openssl writes them: the repository's development key (made by {@code openssl
 * genpkey -algorithm ed25519}) reads, and our files are byte for byte what openssl writes; keys
 * made by openssl in the test read too, and openssl reads and verifies with ours. Every way a key
 * file can be wrong is refused with the file and the reason, and a key file is never overwritten.
 */
class KeyFilesTest {
    static final Path DEV_KEY = Path.of("..", "keys", "nicrig-dev.key");
    static final Path DEV_PUB = Path.of("..", "keys", "nicrig-dev.pub");
    static final String DEV_RAW = "0c7012cacbee7d04843dc253062fe658dbebe98a540ce76cefc624855e10d653";

    @TempDir
    Path dir;

    @Test
    void theDevelopmentKeyPairReads() throws IOException {
        VerifyingKey pub = KeyFiles.readPublic(DEV_PUB);
        SigningKey key = KeyFiles.readPrivate(DEV_KEY);
        assertThat(pub.raw().hex()).isEqualTo(DEV_RAW);
        assertThat(key.publicKey()).isEqualTo(pub);
        assertThat(pub.keyId().hex()).isEqualTo("ec7cda9ecd741a14");
        assertThat(key.toString()).isEqualTo("Ed25519 signing key, key id ec7cda9ecd741a14");
    }

    /** The PEM we write for a key is the PEM openssl wrote for it: same DER, same line breaks. */
    @Test
    void whatWeWriteIsWhatOpensslWrote() throws IOException {
        assertThat(KeyPem.privateKey(KeyFiles.readPrivate(DEV_KEY))).isEqualTo(Files.readString(DEV_KEY));
        assertThat(KeyPem.publicKey(KeyFiles.readPublic(DEV_PUB))).isEqualTo(Files.readString(DEV_PUB));
    }

    @Test
    void generateWritesAPairThatReadsBackWithThePrivateKeyOwnerOnly() throws IOException {
        KeyFiles.Pair pair = KeyFiles.generate(dir.resolve("lab"), new SecureRandom());
        assertThat(pair.privateFile()).isEqualTo(dir.resolve("lab.key"));
        assertThat(pair.publicFile()).isEqualTo(dir.resolve("lab.pub"));
        SigningKey key = KeyFiles.readPrivate(pair.privateFile());
        assertThat(KeyFiles.readPublic(pair.publicFile())).isEqualTo(key.publicKey()).isEqualTo(pair.publicKey());
        assertThat(Files.readString(pair.privateFile())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pair.privateFile()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pair.publicFile()))).isEqualTo("rw-r--r--");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("lab.key", "lab.pub");
        }
    }

    @Test
    void aKeyOrPubSuffixOnTheNameIsDropped() throws IOException {
        KeyFiles.Pair pair = KeyFiles.generate(dir.resolve("sub").resolve("lab.key"), new SecureRandom());
        assertThat(pair.privateFile()).isEqualTo(dir.resolve("sub").resolve("lab.key"));
        assertThat(pair.publicFile()).isEqualTo(dir.resolve("sub").resolve("lab.pub"));
    }

    @Test
    void aDirectoryIsNotAName() {
        assertThatThrownBy(() -> KeyFiles.generate(dir, new SecureRandom())).isInstanceOf(FirmwareFileException.class)
                .hasMessage(dir + ": is a directory; --out DIR/NAME writes DIR/NAME.key and DIR/NAME.pub");
    }

    @Test
    void twoKeysAreDifferent() throws IOException {
        KeyFiles.Pair a = KeyFiles.generate(dir.resolve("a"), new SecureRandom());
        KeyFiles.Pair b = KeyFiles.generate(dir.resolve("b"), new SecureRandom());
        assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
    }

    @Test
    void existingKeyFilesAreNeverOverwritten() throws IOException {
        for (String existing : List.of("lab.key", "lab.pub")) {
            Path d = Files.createDirectory(dir.resolve("case-" + existing));
            Files.writeString(d.resolve(existing), "precious");
            assertThatThrownBy(() -> KeyFiles.generate(d.resolve("lab"), new SecureRandom()))
                    .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining(d.resolve(existing).toString());
            assertThat(Files.readString(d.resolve(existing))).isEqualTo("precious");
            try (var files = Files.list(d)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(existing);
            }
        }
    }

    @Test
    void opensslKeysRead() throws Exception {
        assumeTrue(openssl(), "openssl is not on PATH: the interoperability test with openssl-made keys is skipped");
        Path key = dir.resolve("o.key");
        Path pub = dir.resolve("o.pub");
        run("openssl", "genpkey", "-algorithm", "ed25519", "-out", key.toString());
        run("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", pub.toString());
        assertThat(KeyFiles.readPrivate(key).publicKey()).isEqualTo(KeyFiles.readPublic(pub));
    }

    /** openssl reads our key files and verifies our signatures; we verify its. */
    @Test
    void opensslReadsOurKeysAndSignaturesAgree() throws Exception {
        assumeTrue(openssl(), "openssl is not on PATH: the interoperability test with openssl is skipped");
        KeyFiles.Pair pair = KeyFiles.generate(dir.resolve("ours"), new SecureRandom());
        Path derived = dir.resolve("derived.pub");
        run("openssl", "pkey", "-in", pair.privateFile().toString(), "-pubout", "-out", derived.toString());
        assertThat(Files.readString(derived)).isEqualTo(Files.readString(pair.publicFile()));

        byte[] message = "header and payload".getBytes(StandardCharsets.US_ASCII);
        Path msg = Files.write(dir.resolve("msg"), message);
        Path ourSig = Files.write(dir.resolve("ours.sig"), KeyFiles.readPrivate(pair.privateFile()).sign(message));
        run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pair.publicFile().toString(), "-rawin",
                "-in", msg.toString(), "-sigfile", ourSig.toString());
        Path theirSig = dir.resolve("theirs.sig");
        run("openssl", "pkeyutl", "-sign", "-inkey", pair.privateFile().toString(), "-rawin",
                "-in", msg.toString(), "-out", theirSig.toString());
        assertThat(Files.readAllBytes(theirSig)).isEqualTo(Files.readAllBytes(ourSig)); // Ed25519 is deterministic
        assertThat(pair.publicKey().verify(message, Files.readAllBytes(theirSig))).isTrue();
    }

    // ------------------------------------------------------------------ refusals

    private void refusedPrivate(String content, String problem) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.key"), content);
        assertThatThrownBy(() -> KeyFiles.readPrivate(f))
                .isInstanceOfSatisfying(FirmwareFileException.class, e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessage(f + ": " + problem);
    }

    private void refusedPublic(String content, String problem) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.pub"), content);
        assertThatThrownBy(() -> KeyFiles.readPublic(f))
                .isInstanceOfSatisfying(FirmwareFileException.class, e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessage(f + ": " + problem);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void missingFileAndDirectory() {
        assertThatThrownBy(() -> KeyFiles.readPublic(dir.resolve("none.pub"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("none.pub");
        assertThatThrownBy(() -> KeyFiles.readPrivate(dir)).isInstanceOf(FirmwareFileException.class)
                .hasMessage(dir + ": is a directory, not a key file");
    }

    @Test
    void notPem() throws IOException {
        refusedPublic("hello\n", "not a PEM file: no -----BEGIN PUBLIC KEY----- line");
        refusedPrivate("-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n",
                "not a readable PEM file (bad base64 or a missing -----END line)");
        refusedPrivate("-----BEGIN PRIVATE KEY-----\nMC4CAQAw\n", "not a readable PEM file (bad base64 or a missing -----END line)");
        Path f = Files.write(dir.resolve("binary.key"), new byte[] {(byte) 0x30, (byte) 0x82, (byte) 0xff, 0});
        assertThatThrownBy(() -> KeyFiles.readPrivate(f)).hasMessage(f + ": not a PEM key file (not ASCII text)");
    }

    @Test
    void theOtherHalfOfThePair() throws IOException {
        refusedPrivate(Files.readString(DEV_PUB), "this is a public key; signing needs the private key (NAME.key)");
        refusedPublic(Files.readString(DEV_KEY), "this is a private key; verifying takes the public key (NAME.pub)");
    }

    @Test
    void encryptedPrivateKey() throws IOException {
        refusedPrivate(pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0}), "the private key is encrypted; nicrig reads "
                + "unencrypted PKCS#8 (openssl pkey -in KEY -out PLAIN.key writes one)");
        refusedPrivate(pem("OPENSSH PRIVATE KEY", new byte[] {1}),
                "expected -----BEGIN PRIVATE KEY-----, found -----BEGIN OPENSSH PRIVATE KEY-----");
    }

    @Test
    void keysOfAnotherAlgorithm() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        var pair = ec.generateKeyPair();
        String hint = " (make one with nicrig fw keygen or openssl genpkey -algorithm ed25519)";
        refusedPrivate(pem("PRIVATE KEY", pair.getPrivate().getEncoded()), "not an Ed25519 key: an EC key" + hint);
        refusedPublic(pem("PUBLIC KEY", pair.getPublic().getEncoded()), "not an Ed25519 key: an EC key" + hint);
        var ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        refusedPublic(pem("PUBLIC KEY", ed448.getPublic().getEncoded()), "not an Ed25519 key: an Ed448 key" + hint);
    }

    @Test
    void malformedDer() throws IOException {
        refusedPrivate(pem("PRIVATE KEY", new byte[] {0x04, 0x01, 0x00}),
                "not a PKCS#8 private key (the DER inside the PEM does not parse)");
        refusedPublic(pem("PUBLIC KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}),
                "not a SubjectPublicKeyInfo public key (the DER inside the PEM does not parse)");
        // a 31-byte seed
        refusedPrivate(pem("PRIVATE KEY", HexFormat.of().parseHex("302d020100300506032b65700421041f" + "00".repeat(31))),
                "an Ed25519 private key is 32 bytes, this one has 31");
        // a 33-byte public key
        refusedPublic(pem("PUBLIC KEY", HexFormat.of().parseHex("302b300506032b6570032200" + "11".repeat(33))),
                "an Ed25519 public key is 32 bytes, this one has 33");
    }

    @Test
    void aPublicKeyThatIsNotAPoint() throws IOException {
        // y = 2^255 - 1 (all ones, top bit clear) is not below p = 2^255 - 19: no point encodes so (RFC 8032 §5.1.3)
        refusedPublic(pem("PUBLIC KEY", HexFormat.of().parseHex("302a300506032b6570032100" + "ff".repeat(31) + "7f")),
                "not an Ed25519 public key: the 32 bytes are not a point on the curve");
    }

    @Test
    void twoKeysInOneFile() throws IOException {
        refusedPublic(Files.readString(DEV_PUB) + Files.readString(DEV_PUB), "holds more than one PEM block; a key file holds one key");
    }

    /** RFC 5958 OneAsymmetricKey with the public key attached: read when it fits, refused when not. */
    @Test
    void aPrivateKeyWithItsPublicKeyAttached() throws IOException {
        String seed = "368d05c74c19ed6e9a0aa040eb4f2515669b546c559d15d992da2b7d1484f439"; // keys/nicrig-dev.key
        // RFC 8410 §10.3's layout: version 1, the seed, then [1] IMPLICIT BIT STRING with the public key
        String v2 = "3051020101300506032b657004220420" + seed + "812100";
        refusedPrivate(pem("PRIVATE KEY", HexFormat.of().parseHex(v2 + "11".repeat(32))),
                "the public key stored with the private key does not belong to it");
        Path f = Files.writeString(dir.resolve("v2.key"), pem("PRIVATE KEY", HexFormat.of().parseHex(v2 + DEV_RAW)));
        assertThat(KeyFiles.readPrivate(f).publicKey().raw().hex()).isEqualTo(DEV_RAW);
    }

    @Test
    void errorsNeverQuoteTheKey() throws IOException {
        String seedB64 = Files.readString(DEV_KEY).lines().skip(1).findFirst().orElseThrow();
        Path f = Files.writeString(dir.resolve("k.pub"), Files.readString(DEV_KEY));
        assertThatThrownBy(() -> KeyFiles.readPublic(f)).satisfies(e -> assertThat(e.getMessage()).doesNotContain(seedB64)
                .doesNotContain("368d05c7"));
    }

    static boolean openssl() {
        try {
            return new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }
}
