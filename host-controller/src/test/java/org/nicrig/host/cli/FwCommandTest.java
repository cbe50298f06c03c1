package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.YamlTree;
import org.nicrig.host.firmware.KeyFiles;
import org.nicrig.host.firmware.ManifestReader;
import org.nicrig.protocol.image.FirmwareImage;

/**
 * nicrig fw keygen | pack | sign | inspect | verify, run as a user would (paths relative to
 * host-controller/), with every refusal: exit status, one line naming the file and what is wrong,
 * never a stack trace, nothing half-written.
 */
class FwCommandTest {
    static final Path EXAMPLES = Path.of("..", "firmware", "examples");
    static final Path PAYLOAD = EXAMPLES.resolve("payload.txt");
    static final Path DEV_KEY = Path.of("..", "keys", "nicrig-dev.key");
    static final Path DEV_PUB = Path.of("..", "keys", "nicrig-dev.pub");
    static final Path GOLDEN = Path.of("..", "firmware-protocol", "src", "test", "resources", "golden-images");

    @TempDir
    Path dir;

    /** One line on stderr, no trace: the contract of every user error (design invariant 3). */
    private static void oneLineError(Cli.Result r, int status, String line) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.err()).as(r.toString()).isEqualTo(line + "\n");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Path pack(String example, String out) {
        Path img = dir.resolve(out);
        Cli.Result r = Cli.run("fw", "pack", "--manifest", EXAMPLES.resolve(example).toString(),
                "--payload", PAYLOAD.toString(), "--out", img.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        return img;
    }

    private Path signedImage() {
        Path img = pack("fpga-aes-1.5.0.yaml", "a.img");
        assertThat(Cli.run("fw", "sign", img.toString(), "--key", DEV_KEY.toString()).status()).isZero();
        return img;
    }

    // ------------------------------------------------------------------ keygen

    @Test
    void keygenWritesAPairAndPrintsItsKeyId() throws IOException {
        Path base = dir.resolve("keys").resolve("lab");
        Cli.Result r = Cli.run("fw", "keygen", "--out", base.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        String id = KeyFiles.readPublic(dir.resolve("keys/lab.pub")).keyId().hex();
        assertThat(KeyFiles.readPrivate(dir.resolve("keys/lab.key")).keyId().hex()).isEqualTo(id);
        assertThat(r.out()).isEqualTo("wrote " + dir.resolve("keys/lab.key") + "  (private: keep it secret and out of version control)\n"
                + "wrote " + dir.resolve("keys/lab.pub") + "  (public: what a device that trusts your images holds)\n"
                + "key id " + id + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void keygenNeverOverwritesAKey() throws IOException {
        Files.writeString(dir.resolve("lab.pub"), "mine");
        Cli.Result r = Cli.run("fw", "keygen", "--out", dir.resolve("lab").toString());
        oneLineError(r, ExitCode.USAGE, "nicrig: " + dir.resolve("lab.pub") + ": already exists; keygen never "
                + "overwrites a key file (choose another NAME, or move the old pair away first)");
        assertThat(Files.readString(dir.resolve("lab.pub"))).isEqualTo("mine");
        assertThat(dir.resolve("lab.key")).doesNotExist();
    }

    // ------------------------------------------------------------------ pack and sign

    @Test
    void packMakesAnUnsignedImageOfTheManifest() throws Exception {
        Path img = dir.resolve("out").resolve("fw.img");
        Cli.Result r = Cli.run("fw", "pack", "--manifest", EXAMPLES.resolve("fpga-aes-1.5.0.yaml").toString(),
                "--payload", PAYLOAD.toString(), "--out", img.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("packed " + img + ": firmware 1.5.0 for 1172:e001 rev 0x01..0x0f, 31-byte payload, "
                + "132 bytes, unsigned\nsign it with: nicrig fw sign " + img + " --key KEY.key\n");
        FirmwareImage image = FirmwareImage.parse(Files.readAllBytes(img));
        assertThat(image.signed()).isFalse();
        assertThat(image.manifest()).isEqualTo(ManifestReader.load(EXAMPLES.resolve("fpga-aes-1.5.0.yaml")));
        assertThat(image.payload().toArray()).isEqualTo(Files.readAllBytes(PAYLOAD));
    }

    /** The shipped examples, packed and signed with the development key, are the golden images (Ed25519 is deterministic). */
    @Test
    void packAndSignReproduceTheGoldenImages() throws IOException {
        for (String v : List.of("1.5.0", "1.5.1-iv-reuse")) {
            Path img = pack("fpga-aes-" + v + ".yaml", v + ".img");
            Cli.Result r = Cli.run("fw", "sign", img.toString(), "--key", DEV_KEY.toString());
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(Files.readAllBytes(img)).isEqualTo(Files.readAllBytes(GOLDEN.resolve("fpga-aes-" + v + ".img")));
        }
    }

    @Test
    void signInPlaceOrToAnotherFile() throws Exception {
        Path img = pack("fpga-aes-1.4.0.yaml", "base.img");
        Path signed = dir.resolve("signed.img");
        Cli.Result r = Cli.run("fw", "sign", img.toString(), "--key", DEV_KEY.toString(), "--out", signed.toString());
        assertThat(r.out()).isEqualTo("signed " + signed + " with key id ec7cda9ecd741a14: 204 bytes\n");
        assertThat(FirmwareImage.parse(Files.readAllBytes(img)).signed()).isFalse();
        assertThat(FirmwareImage.parse(Files.readAllBytes(signed)).signed()).isTrue();

        Cli.Result again = Cli.run("fw", "sign", signed.toString(), "--key", DEV_KEY.toString());
        assertThat(again.out()).isEqualTo("signed " + signed + " with key id ec7cda9ecd741a14 (replacing a signature by key id "
                + "ec7cda9ecd741a14): 204 bytes\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("base.img", "signed.img");
        }
    }

    @Test
    void packRefusals() throws IOException {
        String manifest = EXAMPLES.resolve("fpga-aes-1.5.0.yaml").toString();
        Path out = dir.resolve("x.img");
        Path missing = dir.resolve("none.yaml");
        oneLineError(Cli.run("fw", "pack", "--manifest", missing.toString(), "--payload", PAYLOAD.toString(), "--out", out.toString()),
                ExitCode.USAGE, missing + ": cannot read the file: no such file");
        oneLineError(Cli.run("fw", "pack", "--manifest", manifest, "--payload", dir.resolve("none.bit").toString(), "--out", out.toString()),
                ExitCode.USAGE, "nicrig: " + dir.resolve("none.bit") + ": no such file or directory");
        oneLineError(Cli.run("fw", "pack", "--manifest", manifest, "--payload", dir.toString(), "--out", out.toString()),
                ExitCode.USAGE, "nicrig: " + dir + ": is a directory, not a payload");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(Path.of(manifest)).replace("aes-256-cbc", "aes-265-cbc"));
        oneLineError(Cli.run("fw", "pack", "--manifest", bad.toString(), "--payload", PAYLOAD.toString(), "--out", out.toString()),
                ExitCode.USAGE, bad + ":18:16: capabilities.ciphers[1].cipher: unknown cipher 'aes-265-cbc' (did you mean aes-256-cbc?)");
        assertThat(out).doesNotExist();
        oneLineError(Cli.run("fw", "pack", "--manifest", manifest, "--payload", PAYLOAD.toString()), ExitCode.USAGE,
                "nicrig fw pack: Missing required option: '--out=IMG' (see nicrig fw pack --help)");
    }

    @Test
    void signRefusals() throws IOException {
        Path img = pack("fpga-aes-1.5.0.yaml", "a.img");
        byte[] before = Files.readAllBytes(img);
        oneLineError(Cli.run("fw", "sign", img.toString(), "--key", DEV_PUB.toString()), ExitCode.USAGE,
                "nicrig: " + DEV_PUB + ": this is a public key; signing needs the private key (NAME.key)");
        oneLineError(Cli.run("fw", "sign", img.toString(), "--key", dir.resolve("none.key").toString()), ExitCode.USAGE,
                "nicrig: " + dir.resolve("none.key") + ": no such file or directory");
        assertThat(Files.readAllBytes(img)).isEqualTo(before);
        oneLineError(Cli.run("fw", "sign", PAYLOAD.toString(), "--key", DEV_KEY.toString()), ExitCode.USAGE,
                "nicrig: " + PAYLOAD + ": bad firmware image at byte 0: magic is not \"NRFW\" (4e 52 46 57) — not a nicrig firmware image");
        oneLineError(Cli.run("fw", "sign", dir.resolve("none.img").toString(), "--key", DEV_KEY.toString()), ExitCode.USAGE,
                "nicrig: " + dir.resolve("none.img") + ": no such file or directory");
    }

    // ------------------------------------------------------------------ inspect

    @Test
    void inspectPrintsWhatTheImageHolds() {
        Path golden = GOLDEN.resolve("fpga-aes-1.5.1-iv-reuse.img");
        Cli.Result r = Cli.run("fw", "inspect", golden.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("""
                image      %s
                size       213 bytes: header 109, payload 31, trailer 73 (format 1)
                payload    SHA-256 bd837d082cf96c647a50118bf552e68c24535ba280c22dba6f31222b444a687f
                digest     SHA-256 abc5fd553cfdde1ad631b119f1a68db681faeea0bfd77b177028d70ac0122e3d  (the whole image: FW_BEGIN's imageDigest)
                signature  Ed25519 by key id ec7cda9ecd741a14
                manifest:
                  target:
                    vendor: 0x1172
                    device: 0xe001
                    revision: 0x01..0x0f
                  version: 1.5.1
                  rollback: 1
                  capabilities:
                    engine: true
                    secondary-use: true
                    ciphers:
                      - {cipher: aes-128-cbc, rate: 125MB/s}
                      - {cipher: aes-256-cbc, rate: 125MB/s}
                      - {cipher: aes-128-gcm-16, rate: 125MB/s}
                      - {cipher: aes-256-gcm-16, rate: 125MB/s}
                    integrities: [none, hmac-sha1-96, hmac-sha2-256-128]
                  model:
                    defects: [IV_REUSE]
                """.formatted(golden));
    }

    /** The manifest inspect prints is one pack reads: the same as the example it was packed from. */
    @Test
    void inspectsManifestPacksAgain() throws Exception {
        Cli.Result r = Cli.run("fw", "inspect", GOLDEN.resolve("fpga-aes-1.5.1-iv-reuse.img").toString());
        String out = r.out();
        String yaml = out.substring(out.indexOf("manifest:\n") + "manifest:\n".length()).stripIndent();
        Problems p = new Problems("inspect");
        Node root = YamlTree.parse(yaml, p);
        assertThat(ManifestReader.read(root, p)).isEqualTo(ManifestReader.load(EXAMPLES.resolve("fpga-aes-1.5.1-iv-reuse.yaml")));
        assertThat(p.errors()).isEmpty();
    }

    @Test
    void inspectJsonForScripts() throws Exception {
        Path img = pack("fpga-aes-1.4.0.yaml", "base.img");
        Cli.Result r = Cli.run("fw", "inspect", "--json", img.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("file").asText()).isEqualTo(img.toString());
        assertThat(j.get("size").asInt()).isEqualTo(132);
        assertThat(j.get("headerLength").asInt()).isEqualTo(100);
        assertThat(j.at("/manifest/target/vendor").asInt()).isEqualTo(0x1172);
        assertThat(j.at("/manifest/target/revisionMax").asInt()).isEqualTo(1);
        assertThat(j.at("/manifest/version").asText()).isEqualTo("1.4.0");
        assertThat(j.at("/manifest/capabilities/ciphers/1/cipher").asText()).isEqualTo("aes-256-cbc");
        assertThat(j.at("/manifest/capabilities/ciphers/1/rate").asLong()).isEqualTo(100_000_000L);
        assertThat(j.at("/manifest/capabilities/integrities/2/transformId").asInt()).isEqualTo(12);
        assertThat(j.at("/payload/sha256").asText()).isEqualTo("bd837d082cf96c647a50118bf552e68c24535ba280c22dba6f31222b444a687f");
        assertThat(j.get("digest").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
                org.nicrig.protocol.image.Sha256.of(Files.readAllBytes(img))));
        assertThat(j.get("signature").isNull()).isTrue();
    }

    @Test
    void inspectRefusesWhatIsNotAnImageWithTheOffset() throws IOException {
        byte[] golden = Files.readAllBytes(GOLDEN.resolve("fpga-aes-1.5.0.img"));
        Path cut = Files.write(dir.resolve("cut.img"), java.util.Arrays.copyOf(golden, 136));
        oneLineError(Cli.run("fw", "inspect", cut.toString()), ExitCode.USAGE,
                "nicrig: " + cut + ": bad firmware image at byte 132: signing key id needs 8 bytes, 4 left (truncated image?)");
        oneLineError(Cli.run("fw", "inspect", PAYLOAD.toString()), ExitCode.USAGE, "nicrig: " + PAYLOAD
                + ": bad firmware image at byte 0: magic is not \"NRFW\" (4e 52 46 57) — not a nicrig firmware image");
        oneLineError(Cli.run("fw", "inspect", dir.resolve("none.img").toString()), ExitCode.USAGE,
                "nicrig: " + dir.resolve("none.img") + ": no such file or directory");
    }

    // ------------------------------------------------------------------ verify

    @Test
    void verifyGood() {
        Path img = signedImage();
        Cli.Result r = Cli.run("fw", "verify", img.toString(), "--key", DEV_PUB.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("OK: " + img + ": signed by key id ec7cda9ecd741a14 (" + DEV_PUB + ")\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void verifyUnsigned() {
        Path img = pack("fpga-aes-1.5.0.yaml", "u.img");
        Cli.Result r = Cli.run("fw", "verify", img.toString(), "--key", DEV_PUB.toString());
        assertThat(r.status()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).isEqualTo("FAILED: " + img + ": unsigned (" + DEV_PUB + ")\n");
    }

    @Test
    void verifyAgainstAnotherKey() throws IOException {
        Path img = signedImage();
        assertThat(Cli.run("fw", "keygen", "--out", dir.resolve("lab").toString()).status()).isZero();
        String lab = KeyFiles.readPublic(dir.resolve("lab.pub")).keyId().hex();
        Cli.Result r = Cli.run("fw", "verify", img.toString(), "--key", dir.resolve("lab.pub").toString());
        assertThat(r.status()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).isEqualTo("FAILED: " + img + ": signed by key id ec7cda9ecd741a14, not by key id " + lab
                + " (" + dir.resolve("lab.pub") + ")\n");
    }

    @Test
    void verifyAPayloadByteFlipped() throws IOException {
        Path img = signedImage();
        byte[] b = Files.readAllBytes(img);
        b[100 + 10] ^= 0x20; // "stand-in f" -> "stand-in F"
        Files.write(img, b);
        Cli.Result r = Cli.run("fw", "verify", img.toString(), "--key", DEV_PUB.toString());
        assertThat(r.status()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).isEqualTo("FAILED: " + img + ": bad firmware image at byte 100: payload does not match the "
                + "header's SHA-256 (corrupt image)\n");
    }

    @Test
    void verifyAHeaderByteFlipped() throws IOException {
        Path img = signedImage();
        byte[] b = Files.readAllBytes(img);
        b[21] = 0; // rollback counter 1 -> 0: still a well-formed image, no longer the one signed
        Files.write(img, b);
        Cli.Result r = Cli.run("fw", "verify", img.toString(), "--key", DEV_PUB.toString());
        assertThat(r.status()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).isEqualTo("FAILED: " + img + ": bad signature: the trailer names key id ec7cda9ecd741a14 but the "
                + "signature does not verify (the image was changed after signing, or the signature is forged) (" + DEV_PUB + ")\n");
    }

    @Test
    void verifyRefusals() {
        Path img = signedImage();
        oneLineError(Cli.run("fw", "verify", img.toString(), "--key", DEV_KEY.toString()), ExitCode.USAGE,
                "nicrig: " + DEV_KEY + ": this is a private key; verifying takes the public key (NAME.pub)");
        oneLineError(Cli.run("fw", "verify", dir.resolve("none.img").toString(), "--key", DEV_PUB.toString()), ExitCode.USAGE,
                "nicrig: " + dir.resolve("none.img") + ": no such file or directory");
        oneLineError(Cli.run("fw", "verify", img.toString()), ExitCode.USAGE,
                "nicrig fw verify: Missing required option: '--key=NAME.pub' (see nicrig fw verify --help)");
    }

    // ------------------------------------------------------------------ help

    @Test
    void fwAloneIsAUsageErrorAndHelpListsTheSubcommands() {
        Cli.Result r = Cli.run("fw");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("nicrig fw: missing subcommand\n").contains("keygen").contains("verify");
        Cli.Result top = Cli.run("--help");
        assertThat(top.out()).contains("  fw ");
        for (String sub : List.of("keygen", "pack", "sign", "inspect", "verify")) {
            Cli.Result help = Cli.run("fw", sub, "--help");
            assertThat(help.status()).as(sub).isZero();
            assertThat(help.out()).as(sub).startsWith("Usage: nicrig fw " + sub).contains("Exit status: 0");
        }
        Cli.Result misspelt = Cli.run("fw", "verfy");
        assertThat(misspelt.status()).isEqualTo(ExitCode.USAGE);
        assertThat(misspelt.err()).contains("did you mean verify?");
    }
}
