package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapSetTest {
    @TempDir
    Path dir;

    @Test
    void onePerMemberAndOneOfTheWireNamedAsTheRigNamesThem() throws Exception {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        try (PcapSet set = PcapSet.open(dir)) {
            set.member("nic0").write(t, new byte[60]);
            set.member("nic0").write(t, new byte[61]);
            set.member("nic1").write(t, new byte[62]);
            set.wire().write(t, new byte[63]);
        }
        assertThat(PcapReader.read(dir.resolve("nic0.pcap")).records()).hasSize(2);
        assertThat(PcapReader.read(dir.resolve("nic1.pcap")).records()).hasSize(1);
        assertThat(PcapReader.read(dir.resolve("wire.pcap")).records()).singleElement()
                .satisfies(r -> assertThat(r.originalLength()).isEqualTo(63));
    }

    @Test
    void memberNamesBecomeSafeFileNames() {
        assertThat(PcapSet.fileName("nic0")).isEqualTo("nic0.pcap");
        assertThat(PcapSet.fileName("<script>")).isEqualTo("_script_.pcap");
        assertThat(PcapSet.fileName("../../etc/passwd")).isEqualTo("_.._.._etc_passwd.pcap");
        assertThat(PcapSet.fileName("bench/usb0")).isEqualTo("bench_usb0.pcap");
        assertThat(PcapSet.fileName("")).isEqualTo("_.pcap");
    }

    @Test
    void membersThatWouldShareAFileAreRefused() throws Exception {
        try (PcapSet set = PcapSet.open(dir)) {
            set.member("a/b");
            assertThatThrownBy(() -> set.member("a_b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a_b.pcap");
            assertThatThrownBy(() -> set.member("wire")).isInstanceOf(IllegalArgumentException.class);
            assertThat(set.member("a/b")).isSameAs(set.member("a/b"));
        }
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("a_b.pcap");
        }
    }
}
