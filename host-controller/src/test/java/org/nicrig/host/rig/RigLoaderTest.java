package org.nicrig.host.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.config.ConfigErrors;
import org.nicrig.host.config.ConfigException;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.YamlTree;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.protocol.message.Capabilities;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.MacAddress;
import org.nicrig.protocol.message.PciIdentity;
import org.nicrig.protocol.message.SaParams;

class RigLoaderTest {
    static final Path RIGS = Path.of("..", "rigs");

    @Test
    void theEmulatedRig() throws Exception {
        Rig rig = RigLoader.load(RIGS.resolve("emulated.yaml"));
        assertThat(rig.name()).isEqualTo("emulated");
        assertThat(rig.deviceNames()).containsExactly("fpga1", "ipsec1", "plain1");
        assertThat(rig.device("fpga1").orElseThrow().transport()).isEqualTo("emulated:fpga-aes?mac=02:00:00:00:00:01&seed=1");
        assertThat(rig.wire()).isEqualTo(new Wire.InProcess());
        assertThat(rig.peer().mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:fe"));
        assertThat(rig.peer().ip().getHostAddress()).isEqualTo("192.0.2.254");
        assertThat(rig.team()).isEqualTo(new TeamSettings(TeamMode.AFT, Duration.ofMillis(200), 2, "plain1",
                PrimaryReselect.ALWAYS, Fig4Mode.RETURN, Duration.ofSeconds(2), Duration.ofMillis(500)));
        assertThat(rig.team().sessionConfig().heartbeatMisses()).isEqualTo(2);
        assertThat(rig.saNames()).containsExactly("aes-out", "aes-in", "3des-out", "3des-in");
    }

    @Test
    void saParamsCarryTheResolvedTestKeys() throws Exception {
        Rig rig = RigLoader.load(RIGS.resolve("emulated.yaml"));
        SaParams out = rig.sa("aes-out").orElseThrow().toParams(Map.of());
        assertThat(out.spi()).isEqualTo(0x1001);
        assertThat(out.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(out.mode()).isEqualTo(EspMode.TRANSPORT);
        assertThat(out.cipher()).isEqualTo(Cipher.AES_128_CBC);
        assertThat(out.integrity()).isEqualTo(Integrity.HMAC_SHA2_256_128);
        assertThat(out.esn()).isTrue();
        assertThat(out.replayWindow()).isZero();
        // RFC 3602 §4, Case #1 key, as the rig's comment says
        assertThat(out.encryptionKey()).isEqualTo(KeyBytes.fromHex("06a9214036b8a15b512e03d534120006"));
        assertThat(out.authenticationKey().length()).isEqualTo(32);

        SaParams in = rig.sa("3des-in").orElseThrow().toParams(Map.of());
        assertThat(in.replayWindow()).isEqualTo(1024);
        assertThat(in.mode()).isEqualTo(EspMode.TUNNEL);
        assertThat(in.tunnelSource()).isEqualTo(0xC000_02FE);      // 192.0.2.254
        assertThat(in.tunnelDestination()).isEqualTo(0xC000_0201); // 192.0.2.1
        assertThat(rig.sa("aes-in").orElseThrow().replayWindow()).isEqualTo(1024);
    }

    @Test
    void theAllowListAdmitsTheRigsDevicesAndRefusesAnOldRevision() throws Exception {
        Rig rig = RigLoader.load(RIGS.resolve("emulated.yaml"));
        assertThat(rig.allowList().refusal(identify(0x8086, 0x1229, 0x08, new FirmwareVersion(2, 1, 7)))).isNull();
        assertThat(rig.allowList().refusal(identify(0x1172, 0xE001, 0x01, new FirmwareVersion(1, 4, 0)))).isNull();
        assertThat(rig.allowList().refusal(identify(0x8086, 0x1229, 0x03, new FirmwareVersion(2, 1, 7))))
                .contains("allow-list").contains("revision 0x03 outside 0x08..0x0c");
    }

    @Test
    void expectedIdentitySaysWhatDiffers() throws Exception {
        Rig rig = RigLoader.load(RIGS.resolve("emulated.yaml"));
        ExpectedIdentity fpga = rig.device("fpga1").orElseThrow().expect().orElseThrow();
        assertThat(fpga.mismatch(identify(0x1172, 0xE001, 0x01, new FirmwareVersion(1, 4, 0)))).isNull();
        assertThat(fpga.mismatch(identify(0x8086, 0x1229, 0x08, new FirmwareVersion(2, 1, 7))))
                .isEqualTo("vendor 0x8086, not 0x1172; device 0x1229, not 0xe001; revision 0x08, not 0x01; firmware 2.1.7, not 1.4.0");
    }

    @Test
    void theBenchExampleReferencesKeysAndRealPorts() throws Exception {
        Rig rig = RigLoader.load(RIGS.resolve("bench-example.yaml"));
        assertThat(rig.wire()).isEqualTo(new Wire.CaptureInterface("enp3s0"));
        assertThat(rig.team().primary()).isEqualTo("plain1"); // from role: primary
        assertThat(rig.team().primaryReselect()).isEqualTo(PrimaryReselect.BETTER);
        assertThat(rig.device("plain1").orElseThrow().role()).contains(DeviceRole.PRIMARY);
        RigSa aes = rig.sa("aes-out").orElseThrow();
        assertThat(aes.encryptionKey()).isInstanceOfSatisfying(KeyRef.FileKey.class,
                f -> assertThat(f.file()).isEqualTo(Path.of("..", "keys", "aes-out.enc.hex")));
        RigSa des = rig.sa("3des-out").orElseThrow();
        assertThat(des.encryptionKey()).isInstanceOfSatisfying(KeyRef.EnvKey.class,
                e -> assertThat(e.variable()).isEqualTo("NICRIG_3DES_OUT_ENC"));
        String tdea = "0123456789abcdef23456789abcdef01456789abcdef0123";
        SaParams p = des.toParams(Map.of("NICRIG_3DES_OUT_ENC", tdea, "NICRIG_3DES_OUT_AUTH", "0b".repeat(20)));
        assertThat(p.encryptionKey()).isEqualTo(KeyBytes.fromHex(tdea));
    }

    @Test
    void keyReferencesAreResolvedAtRunTimeWithLocatedErrors(@TempDir Path dir) throws Exception {
        Path rigFile = dir.resolve("rig.yaml");
        Files.writeString(rigFile, minimalRig("""
                    encryption-key: {file: keys/enc.hex}
                    authentication-key: {env: AUTH_KEY}
                """));
        Rig rig = RigLoader.load(rigFile);
        RigSa sa = rig.sa("s").orElseThrow();
        assertThatThrownBy(() -> sa.toParams(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage(rigFile + ":17:21: sas[0].encryption-key: cannot read key file " + dir.resolve("keys/enc.hex") + ": no such file");
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/enc.hex"), "0x06a9214036b8a15b\n512e03d534120006\n");
        assertThatThrownBy(() -> sa.toParams(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage(rigFile + ":18:25: sas[0].authentication-key: environment variable AUTH_KEY is not set");
        assertThatThrownBy(() -> sa.toParams(Map.of("AUTH_KEY", "0b0b"))).isInstanceOf(ConfigException.class)
                .hasMessage(rigFile + ":18:25: sas[0].authentication-key: HMAC_SHA2_256_128 needs a key of 32 bytes, this one has 2");
        SaParams p = sa.toParams(Map.of("AUTH_KEY", "0b".repeat(32)));
        assertThat(p.encryptionKey()).isEqualTo(KeyBytes.fromHex("06a9214036b8a15b512e03d534120006"));
    }

    @Test
    void leftOutTeamSettingsAreTheSessionDefaults(@TempDir Path dir) throws Exception {
        Path rigFile = dir.resolve("rig.yaml");
        Files.writeString(rigFile, minimalRig("""
                    encryption-key: {hex: "06a9214036b8a15b512e03d534120006", test-key: true}
                    authentication-key: {env: AUTH_KEY}
                """).replace("    transport: emulated:82559-plain?mac=02:00:00:00:00:03\n",
                "    transport: emulated:82559-plain?mac=02:00:00:00:00:03\n    role: standby\n"));
        TeamSettings t = RigLoader.load(rigFile).team();
        SessionConfig d = SessionConfig.DEFAULT;
        assertThat(t).isEqualTo(new TeamSettings(TeamMode.AFT, d.heartbeatInterval(), d.heartbeatMisses(), "fpga1",
                PrimaryReselect.ALWAYS, Fig4Mode.RETURN, d.jobTimeout(), d.requestTimeout()));
    }

    @Test
    void everyErrorInARigIsReportedNotJustTheFirst(@TempDir Path dir) throws Exception {
        Path rigFile = dir.resolve("rig.yaml");
        Files.writeString(rigFile, """
                name: two mistakes
                wire: emulatd
                peer: {mac: "02:00:00:00:00:fe", ip: 192.0.2.300}
                devices:
                  - name: fpga1
                    transport: emulated:fpga-aes?mac=02:00:00:00:00:01
                allow:
                  - {name: any, vendor: 0x1172, device: 0xe001}
                team: {mode: ATF, primary: fpga2}
                """);
        assertThatThrownBy(() -> RigLoader.load(rigFile)).isInstanceOfSatisfying(ConfigErrors.class, e ->
                assertThat(e.errors()).extracting(ConfigException::getMessage).containsExactly(
                        rigFile + ":1:7: name: 'two mistakes' is not a usable name (letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64)",
                        rigFile + ":2:7: wire: expected 'emulated', {hub: udp:HOST:PORT} or {capture: FILE.pcap or INTERFACE}, found 'emulatd'",
                        rigFile + ":3:38: peer.ip: expected an IPv4 address like 192.0.2.1, found '192.0.2.300'",
                        rigFile + ":9:14: team.mode: unknown team mode 'ATF' (did you mean AFT?)"));
    }

    @Test
    void aPrimaryThatIsNotADeviceIsNamedWithASuggestion() {
        Problems p = new Problems("r.yaml");
        RigLoader.read(YamlTree.parse("""
                name: r
                wire: {hub: "udp:127.0.0.1:47000"}
                peer: {mac: "02:00:00:00:00:fe", ip: 192.0.2.254}
                devices:
                  - {name: fpga1, transport: "tcp://localhost:4001"}
                allow: [{name: any, vendor: 1, device: 2}]
                team: {primary: fpga2}
                """, p), Path.of("r.yaml"), p);
        assertThat(p.errors()).extracting(ConfigException::getMessage)
                .containsExactly("r.yaml:7:17: team.primary: unknown device 'fpga2' (did you mean fpga1?)");
    }

    @Test
    void theExampleInTheReadmeIsAValidRig(@TempDir Path dir) throws Exception {
        String readme = Files.readString(RIGS.resolve("README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        Path rigFile = dir.resolve("example.yaml");
        Files.writeString(rigFile, readme.substring(start, readme.indexOf("```", start)));
        Rig rig = RigLoader.load(rigFile);
        assertThat(rig.team().primary()).isEqualTo("fpga1");
        assertThat(org.nicrig.host.config.Schemas.complaints("rig.schema.json", rigFile)).isEmpty();
    }

    @Test
    void oneTeamHasOnePrimary() {
        Problems p = new Problems("r.yaml");
        RigLoader.read(YamlTree.parse("""
                name: r
                wire: emulated
                peer: {mac: "02:00:00:00:00:fe", ip: 192.0.2.254}
                devices:
                  - {name: a, transport: "tcp://localhost:4001", role: primary}
                  - {name: b, transport: "tcp://localhost:4002", role: primary}
                allow: [{name: any, vendor: 1, device: 2}]
                team: {primary: b}
                """, p), Path.of("r.yaml"), p);
        assertThat(p.errors()).extracting(ConfigException::getMessage)
                .containsExactly("r.yaml:6:56: devices[1].role: device a already says role: primary; a team has one primary");
    }

    static String minimalRig(String keys) {
        return """
                name: tmp
                wire: emulated
                peer: {mac: "02:00:00:00:00:fe", ip: 192.0.2.254}
                devices:
                  - name: fpga1
                    transport: emulated:fpga-aes?mac=02:00:00:00:00:01
                  - name: plain1
                    transport: emulated:82559-plain?mac=02:00:00:00:00:03
                allow: [{name: any, vendor: 0x1172, device: 0xe001}]
                sas:
                  - name: s
                    spi: 0x1001
                    direction: outbound
                    mode: transport
                    cipher: AES_128_CBC
                    integrity: HMAC_SHA2_256_128
                """ + keys;
    }

    static IdentifyReply identify(int vendor, int device, int revision, FirmwareVersion fw) {
        return new IdentifyReply(new PciIdentity(vendor, device, revision, 0x8086, 0x0070), MacAddress.parse("02:00:00:00:00:09"),
                fw, true, 100, Capabilities.NONE);
    }

    @Test
    void optionalExpectedPartsAreNotChecked() {
        ExpectedIdentity onlyVendor = new ExpectedIdentity(OptionalInt.of(0x8086), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty());
        assertThat(onlyVendor.mismatch(identify(0x8086, 0x1234, 0x99, new FirmwareVersion(9, 9, 9)))).isNull();
        assertThat(List.of(onlyVendor)).isNotEmpty();
    }
}
