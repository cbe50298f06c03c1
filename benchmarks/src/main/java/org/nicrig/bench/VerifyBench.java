package org.nicrig.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.nicrig.host.report.StepResult;
import org.nicrig.host.run.ProgressListener;
import org.nicrig.host.run.RunOptions;
import org.nicrig.host.run.RunResult;
import org.nicrig.host.run.Runner;
import org.nicrig.host.traffic.UdpPacket;
import org.nicrig.host.verify.SaVerifier;
import org.nicrig.host.verify.Verdict;
import org.nicrig.model.esp.EspProcessor;
import org.nicrig.model.esp.EspResult;
import org.nicrig.model.esp.EspSa;
import org.nicrig.protocol.message.*;

/**
 * {@code scripts/bench verify}: verified packets per second of a plan-driven run on the emulated
 * rig (devices at unlimited speed, one outbound traffic step, every packet verified by the
 * Bouncy Castle reference) against a bare loop that encrypts the same kind of packets with the
 * device model's JCE engine and verifies them with the same reference, in the same JVM. Then the
 * heap after a short and a ten-times longer run, which must stay flat: nothing is kept per packet.
 *
 * <p>Arguments: {@code [packets]} for the throughput run (default 20000).
 */
public final class VerifyBench {
    private VerifyBench() {
    }

    public static void run(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path root = Path.of(System.getProperty("nicrig.home", "."));
        Path dir = Files.createTempDirectory("nicrig-bench-verify");
        Path rig = rig(root, dir);

        runPlan(root, rig, dir, "warmup", 2_000);
        double reference = referenceLoop(packets);
        double nicrig = runPlan(root, rig, dir, "throughput", packets);
        double reference2 = referenceLoop(packets);
        double ref = Math.max(reference, reference2);

        long small = packets / 2;
        long large = small * 10;
        runPlan(root, rig, dir, "heap-small", small);
        long heapSmall = usedHeapAfterGc();
        runPlan(root, rig, dir, "heap-large", large);
        long heapLarge = usedHeapAfterGc();

        System.out.printf("plan-driven run : %10.0f verified packets/s (%d packets, 512 bytes, AES-128-CBC + HMAC-SHA-256-128)%n", nicrig, packets);
        System.out.printf("bare JCE + BC   : %10.0f verified packets/s (best of two loops around it)%n", ref);
        System.out.printf("heap after %d packets: %.1f MB; after %d: %.1f MB%n", small, heapSmall / 1e6, large, heapLarge / 1e6);
        System.out.printf("verify ratio=%.2f nicrig_pps=%.0f reference_pps=%.0f heap_small_MB=%.1f heap_large_MB=%.1f packets_small=%d packets_large=%d%n",
                nicrig / ref, nicrig, ref, heapSmall / 1e6, heapLarge / 1e6, small, large);
    }

    /** The emulated rig with a capable primary and devices at unlimited speed. */
    private static Path rig(Path root, Path dir) throws Exception {
        String text = Files.readString(root.resolve("rigs/emulated.yaml"))
                .replace("primary: plain1", "primary: fpga1")
                .replaceAll("(emulated:[^\\s]*seed=\\d)", "$1&speed=unlimited");
        return Files.writeString(dir.resolve("bench-rig.yaml"), text);
    }

    /** Runs one traffic step of {@code count} packets; returns verified packets per second over the step. */
    private static double runPlan(Path root, Path rig, Path dir, String name, long count) throws Exception {
        Path plan = Files.writeString(dir.resolve(name + ".yaml"), String.join("\n",
                "name: bench-" + name,
                "seed: 1",
                "timeout: 10m",
                "steps:",
                "  - {type: traffic, name: load, direction: outbound, sa: aes-out, sizes: [512], count: " + count + ", timeout: 9m}",
                "  - type: expect",
                "    name: all-verified",
                "    expectations:",
                "      - {measure: verified_fraction, at-least: 1.0}",
                ""));
        RunResult r = Runner.run(new RunOptions(plan, Optional.of(rig), OptionalLong.empty(), dir.resolve("out-" + name),
                false, ProgressListener.NONE));
        if (!r.passed()) {
            throw new IllegalStateException("bench run " + name + " did not pass: " + r.report().message());
        }
        StepResult load = r.report().steps().stream().filter(s -> s.name().equals("load")).findFirst().orElseThrow();
        return count / (load.duration().toNanos() / 1e9);
    }

    /** The same work without nicrig: JCE encrypt (the model's engine) and Bouncy Castle verify. */
    private static double referenceLoop(int packets) {
        SplittableRandom r = new SplittableRandom(3);
        byte[] key = new byte[16];
        byte[] auth = new byte[32];
        r.nextBytes(key);
        r.nextBytes(auth);
        SaParams sa = new SaParams(0x1001, Direction.OUTBOUND, EspMode.TRANSPORT, Cipher.AES_128_CBC,
                Integrity.HMAC_SHA2_256_128, true, 64, 0, 0, KeyBytes.of(key), KeyBytes.of(auth));
        EspSa esp = EspSa.create(sa);
        EspProcessor engine = EspProcessor.seeded(5);
        SaVerifier verifier = new SaVerifier(sa);
        long start = System.nanoTime();
        int ok = 0;
        for (int n = 1; n <= packets; n++) {
            byte[] packet = UdpPacket.build(UdpPacket.address("192.0.2.1"), UdpPacket.address("192.0.2.254"), 10_000, 7, 512, 1, n, r);
            EspResult e = engine.encrypt(esp, packet, null);
            if (verifier.verify("reference", packet, e.output()) instanceof Verdict.Ok) {
                ok++;
            }
        }
        if (ok != packets) {
            throw new IllegalStateException("the reference loop failed its own verification");
        }
        return packets / ((System.nanoTime() - start) / 1e9);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
