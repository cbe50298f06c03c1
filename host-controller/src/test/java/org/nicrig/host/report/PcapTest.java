package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapTest {
    private static final Instant T0 = Instant.parse("2025-03-14T09:26:53.589793Z");
    private static final long SEED = 0x5eedL;

    @TempDir
    Path dir;

    /** Frames of assorted lengths, including one past the snaplen, seeded (seed printed on failure). */
    private static List<byte[]> frames() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<byte[]> frames = new ArrayList<>();
        for (int len : new int[] {60, 64, 1514, 9018, 14, 70_000}) {
            byte[] f = new byte[len];
            for (int i = 0; i < len; i++) {
                f[i] = (byte) rnd.nextInt(256);
            }
            frames.add(f);
        }
        return frames;
    }

    private static Instant at(int i) {
        return T0.plusNanos(i * 1_234_567_891L + 999); // sub-microsecond part must be dropped
    }

    private Path writeFrames() throws IOException {
        Path file = dir.resolve("wire.pcap");
        try (PcapWriter w = PcapWriter.create(file)) {
            List<byte[]> frames = frames();
            for (int i = 0; i < frames.size(); i++) {
                w.write(at(i), frames.get(i));
            }
            assertThat(w.packets()).isEqualTo(frames.size());
        }
        return file;
    }

    @Test
    void theGlobalHeaderIsClassicLibpcapMicrosecondEthernet() throws IOException {
        byte[] header = Arrays.copyOf(Files.readAllBytes(writeFrames()), 24);
        // magic a1b2c3d4, version 2.4, thiszone 0, sigfigs 0, snaplen 65535, LINKTYPE_ETHERNET 1
        assertThat(HexFormat.of().formatHex(header))
                .isEqualTo("a1b2c3d4" + "0002" + "0004" + "00000000" + "00000000" + "0000ffff" + "00000001");
    }

    @Test
    void framesAndTimestampsReadBackExactly() throws IOException {
        PcapFile read = PcapReader.read(writeFrames());
        assertThat(read.versionMajor()).isEqualTo(2);
        assertThat(read.versionMinor()).isEqualTo(4);
        assertThat(read.snaplen()).isEqualTo(65535);
        assertThat(read.linkType()).isEqualTo(1);
        assertThat(read.tornLastRecord()).isFalse();
        List<byte[]> frames = frames();
        assertThat(read.records()).as("seed %d", SEED).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            PcapRecord r = read.records().get(i);
            byte[] f = frames.get(i);
            assertThat(r.timestamp()).isEqualTo(at(i).minusNanos(at(i).getNano() % 1000));
            assertThat(r.originalLength()).isEqualTo(f.length);
            assertThat(r.data()).as("seed %d, frame %d", SEED, i).isEqualTo(Arrays.copyOf(f, Math.min(f.length, 65535)));
        }
    }

    @Test
    void aTruncatedCaptureReadsUpToItsLastWholePacket() throws IOException {
        Path file = writeFrames();
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 100));
        PcapFile read = PcapReader.read(file);
        assertThat(read.records()).hasSize(frames().size() - 1);
        assertThat(read.tornLastRecord()).isTrue();
    }

    @Test
    void aLittleEndianCaptureFromAnotherWriterReads() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + 3).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        b.putInt(1_700_000_000).putInt(123_456).putInt(3).putInt(3).put(new byte[] {1, 2, 3});
        Path file = dir.resolve("le.pcap");
        Files.write(file, b.array());
        PcapFile read = PcapReader.read(file);
        assertThat(read.records()).containsExactly(
                new PcapRecord(Instant.ofEpochSecond(1_700_000_000, 123_456_000), 3, new byte[] {1, 2, 3}));
    }

    @Test
    void notAPcapIsATypedError() throws IOException {
        Path file = dir.resolve("x.pcap");
        Files.write(file, "0A0D0D0A and then some more bytes".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> PcapReader.read(file)).isInstanceOf(PcapFormatException.class)
                .hasMessageContaining("at byte 0").hasMessageContaining("magic");
    }

    @Test
    void anExistingCaptureIsNotOverwritten() throws IOException {
        Path file = writeFrames();
        long size = Files.size(file);
        assertThatThrownBy(() -> PcapWriter.create(file)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.size(file)).isEqualTo(size);
    }

    /** Assumption: only where tshark is installed; the reader test above stands everywhere else. */
    @Test
    void tsharkReadsTheCaptureIfInstalled() throws Exception {
        Path tshark = Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p, "tshark")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(tshark != null, "tshark not installed");
        Path file = writeFrames();
        Process p = new ProcessBuilder(tshark.toString(), "-n", "-r", file.toString(), "-T", "fields",
                "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.time_epoch")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines().toList();
        List<byte[]> frames = frames();
        assertThat(lines).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            String[] f = lines.get(i).split("\t");
            assertThat(Integer.parseInt(f[0])).isEqualTo(frames.get(i).length);
            assertThat(Integer.parseInt(f[1])).isEqualTo(Math.min(frames.get(i).length, 65535));
            Instant expected = at(i);
            assertThat(f[2]).startsWith(expected.getEpochSecond() + "." + String.format("%06d", expected.getNano() / 1000));
        }
    }
}
