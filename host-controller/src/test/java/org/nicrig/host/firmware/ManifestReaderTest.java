package org.nicrig.host.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.config.ConfigException;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/** The manifest {@code nicrig fw pack} reads: the shipped examples, and every error located. */
class ManifestReaderTest {
    static final Path EXAMPLES = Path.of("..", "firmware", "examples");
    static final List<Integrity> FPGA_INTEGRITIES = List.of(Integrity.NONE, Integrity.HMAC_SHA1_96, Integrity.HMAC_SHA2_256_128);

    @TempDir
    Path dir;

    static List<CipherRate> rates(long aes128cbc, long aes256cbc, long aes128gcm, long aes256gcm) {
        return List.of(new CipherRate(Cipher.AES_128_CBC, aes128cbc), new CipherRate(Cipher.AES_256_CBC, aes256cbc),
                new CipherRate(Cipher.AES_128_GCM_16, aes128gcm), new CipherRate(Cipher.AES_256_GCM_16, aes256gcm));
    }

    /** 1.4.0 is the fpga-aes profile's factory firmware, value for value (fpga-crypto-model Profiles.FPGA_AES). */
    @Test
    void theBaselineIsTheFactoryFirmware() throws ConfigErrors {
        ImageManifest m = ManifestReader.load(EXAMPLES.resolve("fpga-aes-1.4.0.yaml"));
        var profile = org.nicrig.model.device.Profiles.FPGA_AES;
        assertThat(m.target()).isEqualTo(new ImageTarget(profile.vendorId(), profile.deviceId(), profile.revision(), profile.revision()));
        assertThat(m.version()).isEqualTo(profile.firmware()).isEqualTo(new FirmwareVersion(1, 4, 0));
        assertThat(m.capabilities().engine()).isEqualTo(profile.engine());
        assertThat(m.capabilities().secondaryUse()).isEqualTo(profile.secondaryUse());
        assertThat(m.capabilities().ciphers()).extracting(CipherRate::cipher).containsExactlyElementsOf(profile.ciphers());
        assertThat(m.capabilities().ciphers()).allSatisfy(r -> assertThat(r.bytesPerSecond()).isEqualTo(profile.rate(r.cipher())));
        assertThat(m.capabilities().integrities()).containsExactlyElementsOf(profile.integrities());
        assertThat(m.modelDefects()).isEmpty();
        assertThat(m.rollbackCounter()).isEqualTo(1);
    }

    @Test
    void theNewFirmwareIsFasterAtAes256AndClaimsNothingTheHardwareLacks() throws ConfigErrors {
        ImageManifest m = ManifestReader.load(EXAMPLES.resolve("fpga-aes-1.5.0.yaml"));
        assertThat(m).isEqualTo(new ImageManifest(new ImageTarget(0x1172, 0xE001, 0x01, 0x0F), new FirmwareVersion(1, 5, 0), 1,
                new ImageCapabilities(true, true, rates(125_000_000, 125_000_000, 125_000_000, 125_000_000), FPGA_INTEGRITIES),
                List.of()));
        var profile = org.nicrig.model.device.Profiles.FPGA_AES;
        assertThat(profile.ciphers()).containsAll(m.capabilities().ciphers().stream().map(CipherRate::cipher).toList());
        assertThat(profile.integrities()).containsAll(m.capabilities().integrities());
    }

    @Test
    void theCandidateWithASeededDefect() throws ConfigErrors {
        ImageManifest m = ManifestReader.load(EXAMPLES.resolve("fpga-aes-1.5.1-iv-reuse.yaml"));
        ImageManifest better = ManifestReader.load(EXAMPLES.resolve("fpga-aes-1.5.0.yaml"));
        assertThat(m.version()).isEqualTo(new FirmwareVersion(1, 5, 1));
        assertThat(m.modelDefects()).containsExactly("IV_REUSE");
        assertThat(m.capabilities()).isEqualTo(better.capabilities());
        assertThat(m.target()).isEqualTo(better.target());
    }

    @Test
    void ratesWithUnitsAndSpellingsAsInRigs() throws ConfigErrors, IOException {
        ImageManifest m = load("""
                target: {vendor: 4466, device: "0xE001", revision: 3}
                version: 2.0.17
                rollback: 0x10
                capabilities:
                  engine: true
                  ciphers:
                    - {cipher: AES_128_CBC, rate: 125000000}
                    - {cipher: triple-des-cbc, rate: 1.5MB/s}
                    - {cipher: des-cbc, rate: 800 kB/s}
                    - {cipher: aes-256-gcm-16, rate: 4.294967295GB/s}
                    - {cipher: aes-256-cbc, rate: 64B/s}
                  integrities: [HMAC_SHA1_96, hmac-md5-96]
                """);
        assertThat(m.target()).isEqualTo(new ImageTarget(0x1172, 0xE001, 3, 3));
        assertThat(m.version()).isEqualTo(new FirmwareVersion(2, 0, 17));
        assertThat(m.rollbackCounter()).isEqualTo(16);
        assertThat(m.capabilities().secondaryUse()).isFalse();
        assertThat(m.capabilities().ciphers()).containsExactly(new CipherRate(Cipher.AES_128_CBC, 125_000_000),
                new CipherRate(Cipher.TRIPLE_DES_CBC, 1_500_000), new CipherRate(Cipher.DES_CBC, 800_000),
                new CipherRate(Cipher.AES_256_GCM_16, 4_294_967_295L), new CipherRate(Cipher.AES_256_CBC, 64));
        assertThat(m.capabilities().integrities()).containsExactly(Integrity.HMAC_SHA1_96, Integrity.HMAC_MD5_96);
    }

    @Test
    void aFirmwareWithoutAnEngine() throws ConfigErrors, IOException {
        ImageManifest m = load("""
                target: {vendor: 0x8086, device: 0x1229, revision: 0x08..0x0c}
                version: 2.1.8
                rollback: 3
                capabilities: {engine: false}
                """);
        assertThat(m.capabilities()).isEqualTo(ImageCapabilities.NONE);
        assertThat(m.target()).isEqualTo(new ImageTarget(0x8086, 0x1229, 8, 12));
    }

    // ------------------------------------------------------------------ errors, each located

    private ImageManifest load(String yaml) throws IOException, ConfigErrors {
        return ManifestReader.load(Files.writeString(dir.resolve("m.yaml"), yaml));
    }

    /** The errors, each as {@code line:col: path: problem} (the file name dropped). */
    private List<String> errors(String yaml) throws IOException {
        Path f = Files.writeString(dir.resolve("m.yaml"), yaml);
        ConfigErrors e = (ConfigErrors) org.assertj.core.api.Assertions.catchThrowable(() -> ManifestReader.load(f));
        assertThat(e).as("expected errors").isNotNull();
        return e.errors().stream().map(ConfigException::getMessage).map(s -> s.substring(f.toString().length() + 1)).toList();
    }

    static final String GOOD_HEAD = """
            target: {vendor: 0x1172, device: 0xe001, revision: 0x01}
            version: 1.5.0
            rollback: 1
            """;

    @Test
    void misspeltKeysGetSuggestions() throws IOException {
        assertThat(errors("""
                target: {vendor: 0x1172, devise: 0xe001, revision: 0x01}
                version: 1.5.0
                rolback: 1
                capabilities:
                  engine: true
                  secondary_use: true
                """)).containsExactly(
                "1:1: missing required key 'rollback'",
                "1:9: target: missing required key 'device'",
                "1:26: target: unknown key 'devise' (did you mean device?)",
                "3:1: unknown key 'rolback' (did you mean rollback?)",
                "6:3: capabilities: unknown key 'secondary_use' (did you mean secondary-use?)");
    }

    @Test
    void unknownCipherIntegrityAndDefect() throws IOException {
        assertThat(errors(GOOD_HEAD + """
                capabilities:
                  engine: true
                  ciphers:
                    - cipher: aes-128-cbcc
                      rate: 125MB/s
                    - cipher: aes-192-cbc
                      rate: 1
                  integrities: [hmac-sha256, NONE]
                model:
                  defects: [IV_RESUE, iv_reuse]
                """)).containsExactly(
                "7:15: capabilities.ciphers[0].cipher: unknown cipher 'aes-128-cbcc' (did you mean aes-128-cbc?)",
                "9:15: capabilities.ciphers[1].cipher: unknown cipher 'aes-192-cbc' (did you mean aes-128-cbc?)",
                "11:17: capabilities.integrities[0]: unknown integrity 'hmac-sha256' (did you mean hmac-sha1-96?)",
                "13:13: model.defects[0]: unknown defect 'IV_RESUE' (did you mean IV_REUSE?)",
                "13:23: model.defects[1]: unknown defect 'iv_reuse' (did you mean IV_REUSE?)");
    }

    @Test
    void badValues() throws IOException {
        assertThat(errors("""
                target: {vendor: 0x11720, device: -1, revision: 0x0f..0x01}
                version: 1.5
                rollback: 4294967296
                capabilities:
                  engine: yes please
                  ciphers:
                    - {cipher: aes-128-cbc, rate: 125 Mb/s}
                    - {cipher: aes-256-cbc, rate: 5GB/s}
                    - {cipher: aes-128-gcm-16, rate: 1.0005kB/s}
                    - {cipher: aes-256-gcm-16}
                """)).containsExactly(
                "1:18: target.vendor: expected a whole number from 0 to 65535, found 0x11720",
                "1:35: target.device: expected a whole number from 0 to 65535, found -1",
                "1:49: target.revision: empty range: 0x0f is above 0x01",
                "2:10: version: expected a string, found a number",
                "3:11: rollback: expected a whole number from 0 to 4294967295, found 4294967296",
                "5:11: capabilities.engine: expected true or false, found a string",
                "7:35: capabilities.ciphers[0].rate: expected " + ByteRates.EXAMPLE + ", found '125 Mb/s'",
                "8:35: capabilities.ciphers[1].rate: '5GB/s' is above 4294967295 bytes per second, the most a u32 rate holds",
                "9:38: capabilities.ciphers[2].rate: '1.0005kB/s' is not a whole number of bytes per second",
                "10:7: capabilities.ciphers[3]: missing required key 'rate'");
    }

    @Test
    void listedTwice() throws IOException {
        assertThat(errors(GOOD_HEAD + """
                capabilities:
                  engine: true
                  ciphers:
                    - {cipher: aes-128-cbc, rate: 1}
                    - {cipher: AES_128_CBC, rate: 2}
                  integrities: [none, NONE]
                model:
                  defects: [IV_REUSE, IV_REUSE]
                """)).containsExactly(
                "8:16: capabilities.ciphers[1].cipher: AES_128_CBC is listed twice (first at line 7): one rate per cipher",
                "9:23: capabilities.integrities[1]: NONE is listed twice (first at line 9)",
                "11:23: model.defects[1]: IV_REUSE is listed twice (first at line 11)");
    }

    @Test
    void noEngineNoSuites() throws IOException {
        assertThat(errors(GOOD_HEAD + """
                capabilities:
                  engine: false
                  secondary-use: true
                  ciphers: [{cipher: aes-128-cbc, rate: 1}]
                  integrities: [none]
                """)).containsExactly(
                "6:18: capabilities.secondary-use: a firmware without an engine (engine: false) cannot grant secondary use",
                "7:12: capabilities.ciphers: a firmware without an engine (engine: false) offers no ciphers",
                "8:16: capabilities.integrities: a firmware without an engine (engine: false) offers no integrities");
    }

    @Test
    void notYamlEmptyOrMissing() throws IOException {
        assertThat(errors("target: [\n")).hasSize(1).first().asString().contains(": not valid YAML: ");
        assertThat(errors("")).containsExactly("1:1: the file is empty");
        assertThat(errors("- a\n- b\n")).containsExactly("1:1: expected a mapping, found a list");
        Path missing = dir.resolve("none.yaml");
        assertThatThrownBy(() -> ManifestReader.load(missing)).isInstanceOf(ConfigErrors.class)
                .hasMessage(missing + ": cannot read the file: no such file");
    }
}
