package org.nicrig.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.nicrig.host.lab.PtyPair;
import org.nicrig.host.lab.Ser2net;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.traffic.UdpPacket;
import org.nicrig.host.transport.Transport;
import org.nicrig.host.transport.TransportException;
import org.nicrig.host.transport.Transports;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.device.Device;
import org.nicrig.model.server.ByteChannel;
import org.nicrig.model.server.DeviceServer;
import org.nicrig.protocol.message.*;

/**
 * {@code scripts/bench serial}: goodput of pipelined 1400-byte ENCRYPT_JOB round trips over a
 * socat pty pair through jSerialComm, against the physical limit of that same channel measured in
 * the same run: 1400-byte chunks echoed back through the same pty pair with the same pipelining,
 * no framing and no crypto. Then the same two through a real ser2net in front of the pty (the
 * host on TCP). Runs alternate (reference, nicrig, reference, nicrig, ...) and each side reports
 * its median, since this machine is shared and noisy.
 *
 * <p>Goodput counts packet bytes only, once per round trip.
 */
public final class SerialBench {
    private static final int PACKET = 1400;
    private static final int WINDOW = 8;
    private static final Duration RUN = Duration.ofSeconds(2);
    private static final int ROUNDS = 3;

    private SerialBench() {
    }

    public static void run(String[] args) throws Exception {
        double[] pty = measure(false);
        double[] ser2net = measure(true);
        double ptyRatio = pty[1] / pty[0];
        double netRatio = ser2net[1] / ser2net[0];
        System.out.printf("pty      raw echo %8.2f MB/s   ENCRYPT_JOB %8.2f MB/s   ratio %.2f%n", pty[0] / 1e6, pty[1] / 1e6, ptyRatio);
        System.out.printf("ser2net  raw echo %8.2f MB/s   ENCRYPT_JOB %8.2f MB/s   ratio %.2f%n", ser2net[0] / 1e6, ser2net[1] / 1e6, netRatio);
        System.out.printf("serial ratio=%.2f nicrig_MBps=%.2f raw_MBps=%.2f ser2net_ratio=%.2f ser2net_nicrig_MBps=%.2f ser2net_raw_MBps=%.2f packet=%d window=%d%n",
                ptyRatio, pty[1] / 1e6, pty[0] / 1e6, netRatio, ser2net[1] / 1e6, ser2net[0] / 1e6, PACKET, WINDOW);
    }

    /** Returns {median raw echo goodput, median job goodput} in bytes per second. */
    private static double[] measure(boolean viaSer2net) throws Exception {
        List<Double> raw = new ArrayList<>();
        List<Double> jobs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            try (PtyPair pty = PtyPair.start(); Ser2net net = viaSer2net ? Ser2net.serve(pty.a(), Duration.ofSeconds(10)) : null) {
                String hostUri = viaSer2net ? net.uri() : pty.uriA();
                raw.add(rawEcho(hostUri, pty.uriB()));
            }
            try (PtyPair pty = PtyPair.start(); Ser2net net = viaSer2net ? Ser2net.serve(pty.a(), Duration.ofSeconds(10)) : null) {
                String hostUri = viaSer2net ? net.uri() : pty.uriA();
                jobs.add(jobRoundTrips(hostUri, pty.uriB()));
            }
        }
        return new double[] {median(raw), median(jobs)};
    }

    /** The channel's limit: the far end echoes every chunk; WINDOW chunks in flight, as jobs are. */
    private static double rawEcho(String hostUri, String deviceUri) throws Exception {
        try (Transport host = Transports.open(hostUri); Transport far = Transports.open(deviceUri)) {
            Thread echo = new Thread(() -> {
                byte[] buf = new byte[16 * 1024];
                try {
                    int n;
                    while ((n = far.read(buf, 0, buf.length)) >= 0) {
                        far.write(buf, 0, n);
                    }
                } catch (TransportException ignored) {
                    // closed at the end of the run
                }
            }, "echo");
            echo.setDaemon(true);
            echo.start();
            Semaphore window = new Semaphore(WINDOW);
            AtomicLong received = new AtomicLong();
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[16 * 1024];
                long pending = 0;
                try {
                    int n;
                    while ((n = host.read(buf, 0, buf.length)) >= 0) {
                        received.addAndGet(n);
                        pending += n;
                        while (pending >= PACKET) {
                            pending -= PACKET;
                            window.release();
                        }
                    }
                } catch (TransportException ignored) {
                    // closed at the end of the run
                }
            }, "raw-reader");
            reader.setDaemon(true);
            reader.start();
            byte[] chunk = new byte[PACKET];
            new SplittableRandom(1).nextBytes(chunk);
            long end = System.nanoTime() + RUN.toNanos();
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                if (window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    host.write(chunk, 0, chunk.length);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return received.get() / seconds;
        }
    }

    /** nicrig: a device model served on the far end of the same channel, jobs pipelined within credits. */
    private static double jobRoundTrips(String hostUri, String deviceUri) throws Exception {
        Device device = new Device(DeviceConfig.of(Profiles.FPGA_AES, MacAddress.parse("02:00:00:00:00:01"))
                .withSpeed(Double.POSITIVE_INFINITY), null);
        Transport far = Transports.open(deviceUri);
        try (DeviceServer server = new DeviceServer(device, new TransportChannel(far)).start();
             DeviceSession session = new DeviceSession("bench", Transports.create(hostUri),
                     SessionConfig.DEFAULT.withHeartbeat(Duration.ZERO, 1).withJobTimeout(Duration.ofSeconds(10)))) {
            session.open();
            SplittableRandom r = new SplittableRandom(7);
            byte[] key = new byte[16];
            byte[] auth = new byte[32];
            r.nextBytes(key);
            r.nextBytes(auth);
            session.call(new SaAdd(0, new SaParams(0x1000, Direction.OUTBOUND, EspMode.TRANSPORT, Cipher.AES_128_CBC,
                    Integrity.HMAC_SHA2_256_128, false, 64, 0, 0, KeyBytes.of(key), KeyBytes.of(auth))));
            Bytes packet = Bytes.wrap(UdpPacket.build(UdpPacket.address("10.0.0.1"), UdpPacket.address("10.0.0.2"), 1, 2, PACKET, 1, 1, r));
            Semaphore window = new Semaphore(WINDOW);
            AtomicLong done = new AtomicLong();
            long end = System.nanoTime() + RUN.toNanos();
            long start = System.nanoTime();
            long id = 0;
            List<CompletableFuture<JobResult>> last = new ArrayList<>();
            while (System.nanoTime() < end) {
                if (window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    CompletableFuture<JobResult> f = session.submitJob(EncryptJob.returning(++id, 0, packet));
                    f.whenComplete((res, e) -> {
                        if (res != null && res.status() == JobStatus.OK) {
                            done.addAndGet(PACKET);
                        }
                        window.release();
                    });
                    last.add(f);
                    if (last.size() > 64) {
                        last.remove(0);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return done.get() / seconds;
        } finally {
            far.close();
            device.close();
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    /** The device server's side of a host transport: the same jSerialComm port class on both ends. */
    private record TransportChannel(Transport t) implements ByteChannel {
        @Override
        public String name() {
            return t.name();
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            try {
                return t.read(buf, off, len);
            } catch (TransportException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            try {
                t.write(buf, off, len);
            } catch (TransportException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            t.close();
        }
    }
}
