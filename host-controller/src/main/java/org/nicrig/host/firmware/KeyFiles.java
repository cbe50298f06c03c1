package org.nicrig.host.firmware;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.nicrig.host.report.AtomicFile;

/**
 * Key files: {@code NAME.key} (private, PKCS#8 PEM, mode 0600) and {@code NAME.pub} (public,
 * SubjectPublicKeyInfo PEM), the same files {@code openssl genpkey -algorithm ed25519} and
 * {@code openssl pkey -pubout} write, so either tool reads the other's (FIRMWARE-IMAGE.md §6.3).
 *
 * <pre>{@code
 * KeyFiles.Pair pair = KeyFiles.generate(Path.of("keys/lab"), new SecureRandom()); // keys/lab.key, keys/lab.pub
 * SigningKey key = KeyFiles.readPrivate(pair.privateFile());
 * VerifyingKey pub = KeyFiles.readPublic(Path.of("keys/nicrig-dev.pub"));
 * }</pre>
 */
public final class KeyFiles {
    public static final String PRIVATE_SUFFIX = ".key";
    public static final String PUBLIC_SUFFIX = ".pub";
    /** PEM key files are a few hundred bytes; anything far larger is not one. */
    private static final long MAX_SIZE = 64 * 1024;

    private KeyFiles() {
    }

    /** What {@link #generate} wrote. */
    public record Pair(Path privateFile, Path publicFile, VerifyingKey publicKey) {
    }

    /**
     * Makes a new key pair and writes {@code base.key} and {@code base.pub} (a {@code .key} or
     * {@code .pub} already on {@code base} is dropped), each complete or not at all. Refuses, and
     * writes nothing, when either file exists: a key is never overwritten.
     *
     * @throws FileAlreadyExistsException naming the file that exists
     */
    public static Pair generate(Path base, SecureRandom random) throws IOException {
        if (Files.isDirectory(base)) {
            throw new FirmwareFileException(base, "is a directory; --out DIR/NAME writes DIR/NAME.key and DIR/NAME.pub");
        }
        String name = base.getFileName() == null ? "" : base.getFileName().toString();
        for (String suffix : new String[] {PRIVATE_SUFFIX, PUBLIC_SUFFIX}) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        if (name.isEmpty()) {
            throw new FirmwareFileException(base, "a key pair needs a name: --out DIR/NAME writes NAME.key and NAME.pub");
        }
        Path privateFile = base.resolveSibling(name + PRIVATE_SUFFIX);
        Path publicFile = base.resolveSibling(name + PUBLIC_SUFFIX);
        for (Path f : new Path[] {privateFile, publicFile}) {
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(f.toString(), null, "exists; a key file is never overwritten");
            }
        }
        SigningKey key = SigningKey.generate(random);
        byte[] pub = KeyPem.publicKey(key.publicKey()).getBytes(StandardCharsets.US_ASCII);
        byte[] priv = KeyPem.privateKey(key).getBytes(StandardCharsets.US_ASCII);
        try {
            AtomicFile.create(privateFile, true, out -> out.write(priv));
        } finally {
            java.util.Arrays.fill(priv, (byte) 0);
        }
        try {
            AtomicFile.create(publicFile, false, out -> out.write(pub));
        } catch (IOException | RuntimeException e) {
            // both or neither: a private key whose public half is missing is a trap
            Files.deleteIfExists(privateFile);
            throw e;
        }
        return new Pair(privateFile, publicFile, key.publicKey());
    }

    public static SigningKey readPrivate(Path file) throws IOException {
        String text = text(file);
        try {
            return KeyPem.parsePrivate(text);
        } catch (KeyPem.KeyProblem e) {
            throw new FirmwareFileException(file, e.getMessage());
        }
    }

    public static VerifyingKey readPublic(Path file) throws IOException {
        String text = text(file);
        try {
            return KeyPem.parsePublic(text);
        } catch (KeyPem.KeyProblem e) {
            throw new FirmwareFileException(file, e.getMessage());
        }
    }

    private static String text(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FirmwareFileException(file, "is a directory, not a key file");
        }
        if (Files.exists(file) && Files.size(file) > MAX_SIZE) {
            throw new FirmwareFileException(file, "is " + Files.size(file) + " bytes, too large to be a PEM key file");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.US_ASCII.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FirmwareFileException(file, "not a PEM key file (not ASCII text)");
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }
}
