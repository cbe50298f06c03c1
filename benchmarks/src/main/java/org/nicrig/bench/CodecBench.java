package org.nicrig.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.nicrig.protocol.codec.MessageCodec;
import org.nicrig.protocol.codec.MessageStream;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.EncryptJob;
import org.nicrig.protocol.message.Envelope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code scripts/bench codec}: the host-device codec on its hot path, an ENCRYPT_JOB carrying a
 * 1400-byte IPv4 packet, encoded to wire bytes and decoded back to the message, against the
 * floor any framing with an integrity check must pay: one copy of the packet and one CRC-32C
 * pass over it. Also prints the wire overhead of an ENCRYPT_JOB (RETURN, no fixed IV) for
 * several packet sizes. Last line: {@code codec ratio=X.XX codec_MBps=... floor_MBps=...
 * overhead_1400=X.XX%}; MB/s are 10^6 bytes of packet per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBench {
    static final int PACKET = 1400;
    static final long SEED = 1400;

    private final MessageCodec codec = new MessageCodec();
    private MessageStream sender;
    private MessageStream receiver;
    private Envelope job;
    private Envelope received;
    private byte[] wire;
    private byte[] packet;
    private byte[] copy;
    private final CRC32C crc = new CRC32C();
    private long sequence;

    /**
     * An IPv4 packet of {@code length} bytes: a 20-byte header (192.0.2.1 -> 198.51.100.2, UDP)
     * and seeded random bytes after it, so about one byte in 256 is zero as in real traffic.
     */
    static byte[] ipv4Packet(int length, long seed) {
        byte[] p = new byte[length];
        new Random(seed).nextBytes(p);
        byte[] header = java.util.HexFormat.of().parseHex("45000000000100004011" + "0000" + "c0000201c6336402");
        System.arraycopy(header, 0, p, 0, Math.min(20, length));
        if (length >= 4) {
            p[2] = (byte) (length >>> 8);
            p[3] = (byte) length;
        }
        return p;
    }

    static EncryptJob encryptJob(byte[] packet) {
        return EncryptJob.returning(0x101, 3, Bytes.wrap(packet));
    }

    @Setup
    public void setup() {
        packet = ipv4Packet(PACKET, SEED);
        copy = new byte[PACKET];
        job = new Envelope(0, encryptJob(packet.clone()));
        sender = new MessageStream(codec, IGNORE);
        receiver = new MessageStream(codec, new MessageStream.Listener() {
            @Override
            public void onMessage(Envelope envelope) {
                received = envelope;
            }

            @Override
            public void onError(ProtocolException error) {
                throw new IllegalStateException(error);
            }
        });
        wire = sender.encode(0, job.message());
    }

    /** Encode an ENCRYPT_JOB to wire bytes and decode them back into the message. */
    @Benchmark
    public Envelope codec() {
        byte[] w = sender.encode(sequence++ & 0xFFFF_FFFFL, job.message());
        receiver.feed(w, 0, w.length);
        return received;
    }

    /** Encode only (informational). */
    @Benchmark
    public byte[] encode() {
        return sender.encode(sequence++ & 0xFFFF_FFFFL, job.message());
    }

    /** Decode only (informational). */
    @Benchmark
    public Envelope decode() {
        receiver.feed(wire, 0, wire.length);
        return received;
    }

    /** The floor: copy the packet once and run CRC-32C over it once. */
    @Benchmark
    public long floor() {
        System.arraycopy(packet, 0, copy, 0, PACKET);
        crc.reset();
        crc.update(copy, 0, PACKET);
        return crc.getValue();
    }

    /** For a stream that only sends. */
    private static final MessageStream.Listener IGNORE = new MessageStream.Listener() {
        @Override
        public void onMessage(Envelope envelope) {
        }

        @Override
        public void onError(ProtocolException error) {
        }
    };

    /** Wire bytes of an ENCRYPT_JOB (RETURN, no fixed IV) carrying a packet of {@code size} bytes. */
    static int wireLength(int size) {
        MessageStream s = new MessageStream(new MessageCodec(), IGNORE);
        return s.encode(0, encryptJob(ipv4Packet(size, SEED))).length;
    }

    public static void run(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(CodecBench.class.getName() + "\\.")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double codec = 0;
        double floor = 0;
        System.out.println();
        System.out.println("codec  = MessageStream.encode of an ENCRYPT_JOB (RETURN, no fixed IV) + MessageStream.feed of its bytes");
        System.out.println("floor  = System.arraycopy of the packet + one CRC-32C pass over it (java.util.zip.CRC32C)");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double opsPerSecond = r.getPrimaryResult().getScore();
            double mbps = opsPerSecond * PACKET / 1e6;
            System.out.printf(Locale.ROOT, "%-7s %12.0f ops/s  %9.1f MB/s of packet bytes (%d-byte packet)%n",
                    name, opsPerSecond, mbps, PACKET);
            if (name.equals("codec")) {
                codec = mbps;
            } else if (name.equals("floor")) {
                floor = mbps;
            }
        }
        System.out.println();
        System.out.println("wire overhead of an ENCRYPT_JOB (RETURN, no fixed IV), (wire - packet) / packet:");
        double overhead1400 = 0;
        for (int size : new int[] {64, 512, 1400, 9000}) {
            int w = wireLength(size);
            double pct = 100.0 * (w - size) / size;
            System.out.printf(Locale.ROOT, "  %5d-byte packet: %5d wire bytes, overhead %6.2f%%%n", size, w, pct);
            if (size == 1400) {
                overhead1400 = pct;
            }
        }
        System.out.printf(Locale.ROOT, "codec ratio=%.2f codec_MBps=%.1f floor_MBps=%.1f overhead_1400=%.2f%%%n",
                codec / floor, codec, floor, overhead1400);
    }
}
