package org.nicrig.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspResult;
import org.nicrig.model.esp.EspSa;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The device model's ESP encryption of 1400-byte IPv4 packets (transport mode, AES-128-CBC with
 * HMAC-SHA-256-128, a fresh SecureRandom IV per packet) against a bare JCE loop doing the same
 * cipher and MAC over the same number of bytes with pre-built Cipher and Mac objects: the cost of
 * everything the model adds (framing, padding, sequence numbers, IVs, allocation of the output).
 * The last line is {@code engine ratio=model/jce model_MBps=... jce_MBps=...}; the goal is a ratio
 * of at least 0.8. MB/s counts the 1400 input bytes per packet, 10^6 bytes to the MB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBench {
    static final int PACKET = 1400;
    private static final int HEADER = 20;
    /** 1380 payload bytes + 2 trailer bytes, padded to the AES block: 1392 bytes of ciphertext. */
    private static final int CIPHERTEXT = ((PACKET - HEADER + 2 + 15) / 16) * 16;

    private EspProcessor engine;
    private EspSa sa;
    private byte[] packet;

    private Cipher cipher;
    private Mac mac;
    private SecretKeySpec key;
    private byte[] iv;
    private byte[] plaintext;
    private byte[] espOut;
    private byte[] icv;

    @Setup
    public void setUp() throws Exception {
        SplittableRandom random = new SplittableRandom(2024);
        byte[] encKey = bytes(random, 16);
        byte[] authKey = bytes(random, 32);
        packet = bytes(random, PACKET);
        packet[0] = 0x45;
        packet[2] = (byte) (PACKET >>> 8);
        packet[3] = (byte) PACKET;
        packet[6] = 0;
        packet[7] = 0;
        packet[9] = 17;
        engine = EspProcessor.secure();
        sa = EspSa.create(new SaParams(0x1001, Direction.OUTBOUND, EspMode.TRANSPORT,
                org.nicrig.protocol.message.Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128, false, 64, 0, 0,
                KeyBytes.of(encKey), KeyBytes.of(authKey)));

        cipher = Cipher.getInstance("AES/CBC/NoPadding");
        key = new SecretKeySpec(encKey, "AES");
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(authKey, "HmacSHA256"));
        iv = bytes(random, 16);
        plaintext = bytes(random, CIPHERTEXT);
        espOut = new byte[8 + 16 + CIPHERTEXT];
        icv = new byte[32];
    }

    @Benchmark
    public byte[] model() {
        EspResult r = engine.encrypt(sa, packet, null);
        if (!r.isOk()) {
            throw new IllegalStateException(r.toString());
        }
        return r.output();
    }

    /** The same AES-CBC over 1392 bytes and HMAC-SHA-256 over header + IV + ciphertext, nothing else. */
    @Benchmark
    public byte[] jce() throws Exception {
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        cipher.doFinal(plaintext, 0, CIPHERTEXT, espOut, 24);
        mac.update(espOut, 0, espOut.length);
        mac.doFinal(icv, 0);
        return icv;
    }

    /**
     * Runs the pair twice, in the order jce, model, model, jce, each run a JMH run of its own (fork 1,
     * 2 x 2 s warm-up, 5 x 2 s measurement), and compares the medians of all measurement iterations
     * of each: the bench shares two cores with other work, and neither a burst of foreign load
     * during one run nor one iteration that lost the CPU should decide the ratio. About 70 s in all.
     */
    public static void run(String[] args) throws Exception {
        List<Double> model = new ArrayList<>();
        List<Double> jce = new ArrayList<>();
        for (String method : List.of("jce", "model", "model", "jce")) {
            (method.equals("jce") ? jce : model).addAll(iterationScores(method));
        }
        double modelScore = median(model);
        double jceScore = median(jce);
        double modelMBps = modelScore * PACKET / 1e6;
        double jceMBps = jceScore * PACKET / 1e6;
        System.out.printf(Locale.ROOT, "model: %.0f packets/s = %.1f MB/s (median of %d iterations)%n",
                modelScore, modelMBps, model.size());
        System.out.printf(Locale.ROOT, "jce:   %.0f packets/s = %.1f MB/s (median of %d iterations)%n",
                jceScore, jceMBps, jce.size());
        System.out.printf(Locale.ROOT, "engine ratio=%.2f model_MBps=%.1f jce_MBps=%.1f%n",
                modelScore / jceScore, modelMBps, jceMBps);
    }

    private static List<Double> iterationScores(String method) throws Exception {
        Options options = new OptionsBuilder()
                .include(EngineBench.class.getName() + "\\." + method + "$")
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .threads(1)
                .build();
        List<Double> scores = new ArrayList<>();
        for (RunResult r : new Runner(options).run()) {
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    scores.add(i.getPrimaryResult().getScore());
                }
            }
        }
        if (scores.isEmpty()) {
            throw new IllegalStateException("JMH returned no iterations for " + method);
        }
        return scores;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
