package org.nicrig.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.model.testing.Addresses;

/**
 * The capture file, read back by a small reader written from the libpcap file format
 * (tcpdump.org "pcap-savefile(5)" / draft-ietf-opsawg-pcap: 24-byte header, 16-byte records).
 */
class PcapWriterTest {

    record Record(long seconds, long micros, int captured, int original, byte[] data) {
    }

    record Capture(int magic, int major, int minor, int snaplen, int linktype, List<Record> records) {
    }

    static Capture read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        // the magic says the byte order the writer used
        b.order(ByteOrder.BIG_ENDIAN);
        if (b.getInt(0) != 0xA1B2C3D4) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        }
        int magic = b.getInt();
        int major = b.getShort() & 0xFFFF;
        int minor = b.getShort() & 0xFFFF;
        b.getInt();
        b.getInt();
        int snaplen = b.getInt();
        int linktype = b.getInt();
        List<Record> records = new ArrayList<>();
        while (b.remaining() >= 16) {
            long sec = b.getInt() & 0xFFFF_FFFFL;
            long usec = b.getInt() & 0xFFFF_FFFFL;
            int incl = b.getInt();
            int orig = b.getInt();
            byte[] data = new byte[incl];
            b.get(data);
            records.add(new Record(sec, usec, incl, orig, data));
        }
        assertThat(b.remaining()).as("no half-written record").isZero();
        return new Capture(magic, major, minor, snaplen, linktype, records);
    }

    @Test
    void writesAClassicEthernetCaptureWithMicrosecondStamps(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("wire.pcap");
        Instant base = Instant.parse("2024-05-01T12:00:00Z");
        long nanosBase = 1_000_000_000L;
        byte[] f1 = EthernetFrame.build(Addresses.NIC_B, Addresses.NIC_A, 0x0800, Addresses.udpToPeer("one"));
        byte[] f2 = EthernetFrame.build(Addresses.NIC_A, Addresses.NIC_B, 0x0800, Addresses.udpToPeer("two, longer"));
        try (PcapWriter w = PcapWriter.create(file, base, nanosBase)) {
            w.write(nanosBase + 1_500, f1);                  // 1.5 µs later
            w.write(nanosBase + 2_000_250_000L, f2);         // 2.00025 s later
            assertThat(w.packets()).isEqualTo(2);
        }
        Capture c = read(file);
        assertThat(c.magic()).isEqualTo(0xA1B2C3D4);
        assertThat(c.major()).isEqualTo(2);
        assertThat(c.minor()).isEqualTo(4);
        assertThat(c.snaplen()).isEqualTo(65535);
        assertThat(c.linktype()).as("LINKTYPE_ETHERNET").isEqualTo(1);
        assertThat(c.records()).hasSize(2);
        Record r1 = c.records().get(0);
        assertThat(r1.seconds()).isEqualTo(base.getEpochSecond());
        assertThat(r1.micros()).isEqualTo(1);
        assertThat(r1.captured()).isEqualTo(f1.length);
        assertThat(r1.original()).isEqualTo(f1.length);
        assertThat(r1.data()).isEqualTo(f1);
        Record r2 = c.records().get(1);
        assertThat(r2.seconds()).isEqualTo(base.getEpochSecond() + 2);
        assertThat(r2.micros()).isEqualTo(250);
        assertThat(r2.data()).isEqualTo(f2);
    }

    @Test
    void isReadableWhileTheCaptureRunsAsATapOnAWire(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("live.pcap");
        VirtualWire wire = new VirtualWire();
        WirePort port = wire.attach("sender", f -> { });
        try (PcapWriter w = PcapWriter.create(file)) {
            wire.addTap(w);
            port.transmit(EthernetFrame.build(Addresses.NIC_B, Addresses.NIC_A, 0x0800, Addresses.udpToPeer("a")));
            assertThat(read(file).records()).hasSize(1);
            port.transmit(EthernetFrame.build(Addresses.NIC_B, Addresses.NIC_A, 0x0800, Addresses.udpToPeer("b")));
            Capture live = read(file);
            assertThat(live.records()).hasSize(2);
            assertThat(live.records().get(1).seconds() * 1_000_000 + live.records().get(1).micros())
                    .isGreaterThanOrEqualTo(live.records().get(0).seconds() * 1_000_000 + live.records().get(0).micros());
        }
    }

    @Test
    void anUncreatableFileIsAnErrorNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("missing-dir").resolve("x.pcap");
        assertThatThrownBy(() -> PcapWriter.create(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": cannot create capture file");
    }
}
