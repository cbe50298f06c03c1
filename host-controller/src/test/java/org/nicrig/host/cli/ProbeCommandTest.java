package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nicrig probe against the in-process emulated rig (rigs/emulated.yaml, relative to host-controller/). */
class ProbeCommandTest {
    static final Path EMULATED = Path.of("../rigs/emulated.yaml");

    /** The table's rows by device name, each as column name → cell. */
    private static Map<String, Map<String, String>> table(String out) {
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("NAME ")).findFirst().orElseThrow());
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(header + 1, lines.size() - 1)) {
            // cells are separated by two or more spaces and never hold two in a row themselves
            List<String> cells = Arrays.asList(line.split(" {2,}", ProbeRow.HEADER.size()));
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < ProbeRow.HEADER.size(); i++) {
                row.put(ProbeRow.HEADER.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.put(cells.get(0), row);
        }
        return rows;
    }

    @Test
    void emulatedRigIsAdmittedWithTheRightEngines() {
        Cli.Result r = Cli.run("probe", EMULATED.toString(), "--seed", "5");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("rig emulated (" + EMULATED + "), self-test seed 5\n")
                .endsWith("3 of 3 devices admitted as the rig expects\n");
        Map<String, Map<String, String>> t = table(r.out());
        assertThat(t.keySet()).containsExactly("fpga1", "ipsec1", "plain1");

        // an FPGA and an 82559 with the IPSEC ASIC: engines proven by self-test, lent for secondary use
        assertThat(t.get("fpga1")).containsEntry("PCI", "1172:e001 rev 01").containsEntry("FIRMWARE", "1.4.0")
                .containsEntry("MAC", "02:00:00:00:00:01").containsEntry("ENGINE", "yes")
                .containsEntry("ADMITTED", "admitted").containsEntry("VERIFIED", "yes")
                .containsEntry("SECONDARY", "yes").containsEntry("REASON", "");
        assertThat(t.get("fpga1").get("CIPHERS")).contains("aes-128-cbc").doesNotContain("des");
        assertThat(t.get("ipsec1")).containsEntry("PCI", "8086:1229 rev 08").containsEntry("ENGINE", "yes")
                .containsEntry("ADMITTED", "admitted").containsEntry("VERIFIED", "yes");
        assertThat(t.get("ipsec1").get("CIPHERS")).contains("triple-des-cbc").doesNotContain("aes");
        // no engine: admitted, nothing to verify
        assertThat(t.get("plain1")).containsEntry("ENGINE", "no").containsEntry("CIPHERS", "-")
                .containsEntry("ADMITTED", "admitted").containsEntry("VERIFIED", "-").containsEntry("SECONDARY", "-");
        assertThat(t.get("plain1").get("TRANSPORT")).isEqualTo("emulated:82559-plain?mac=02:00:00:00:00:03&seed=3");
    }

    @Test
    void refusedAndUnreachableDevicesAreRowsAndExitOne(@TempDir Path dir) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens here once closed: connection refused
        }
        String rig = Files.readString(EMULATED)
                // a revision the allow-list (0x08..0x0c) does not take, and the rig does not expect
                .replace("emulated:82559-ipsec?mac=02:00:00:00:00:02&seed=2",
                        "emulated:82559-ipsec?mac=02:00:00:00:00:02&seed=2&revision=13")
                .replace("emulated:82559-plain?mac=02:00:00:00:00:03&seed=3", "tcp://127.0.0.1:" + closedPort);
        Path file = dir.resolve("rig.yaml");
        Files.writeString(file, rig);

        Cli.Result r = Cli.run("probe", file.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).isEmpty();
        Map<String, Map<String, String>> t = table(r.out());
        assertThat(t.get("fpga1")).containsEntry("ADMITTED", "admitted");
        assertThat(t.get("ipsec1")).containsEntry("ADMITTED", "refused").containsEntry("VERIFIED", "-")
                .containsEntry("PCI", "8086:1229 rev 0d");
        assertThat(t.get("ipsec1").get("REASON")).contains("revision 0x0d outside 0x08..0x0c")
                .contains("not the device the rig expects: revision 0x0d, not 0x08");
        assertThat(t.get("plain1")).containsEntry("ADMITTED", "unreachable").containsEntry("PCI", "-");
        assertThat(t.get("plain1").get("REASON")).isEqualTo("tcp://127.0.0.1:" + closedPort + ": connection refused");
        assertThat(r.out()).endsWith("1 of 3 devices admitted as the rig expects\n");
    }

    @Test
    void ptyEmulatorDevicesSayWhyProbeCannotReachThem() {
        Cli.Result r = Cli.run("probe", "../rigs/emulated-pty.yaml");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        Map<String, Map<String, String>> t = table(r.out());
        assertThat(t.values()).allSatisfy(row -> {
            assertThat(row).containsEntry("ADMITTED", "unreachable");
            assertThat(row.get("REASON")).contains("only while nicrig run serves it");
        });
    }

    @Test
    void badRigFileExitsTwoWithTheLocatedErrorAndNoTable() {
        String broken = "src/test/resources/broken/rig-bad-mac.yaml";
        Cli.Result r = Cli.run("probe", broken);
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith(broken + ":4:13: peer.mac: not a MAC address").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingRigFileIsAConfigError() {
        Cli.Result r = Cli.run("probe", "no-such-rig.yaml");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("no-such-rig.yaml: cannot read the file: no such file\n");
    }
}
