package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.Sas;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.EncryptJob;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Heartbeat;
import org.nicrig.protocol.message.HeartbeatReply;
import org.nicrig.protocol.message.Integrity;

/**
 * The performance model: N jobs of S bytes at rate R and per-job latency L, run at speed X, take
 * at least N * (S/R + L) / X — the k-th answer comes no earlier than k service times after the
 * first job went in. Only lower bounds are asserted: a loaded machine may always be slower.
 */
class PerformanceModelTest {
    private static final long RATE = 1_000_000;                 // bytes per second
    private static final Duration LATENCY = Duration.ofMillis(1);

    private static DeviceProfile slow(int credits) {
        return new DeviceProfile("slow-aes", 0x1172, 0xE002, 1, 0x8086, 0x0072, new FirmwareVersion(1, 0, 0),
                true, true, List.of(Cipher.AES_128_CBC), List.of(Integrity.HMAC_SHA1_96), 8, 2048, credits,
                Map.of(Cipher.AES_128_CBC, RATE), LATENCY, 1000);
    }

    private static byte[] packetOf(int size) {
        String text = "x".repeat(size - 28);
        byte[] p = Addresses.udpToPeer(text);
        assertThat(p).hasSize(size);
        return p;
    }

    @Test
    void eachAnswerComesNoEarlierThanThePacingAllowsAndInOrder() throws Exception {
        int n = 6;
        int size = 1000;
        double speed = 0.1;
        long serviceNanos = (long) ((size * 1_000_000_000L / RATE + LATENCY.toNanos()) / speed); // 20 ms
        List<Long> ids = new CopyOnWriteArrayList<>();
        Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
        try (Device d = new Device(DeviceConfig.of(slow(8), Addresses.NIC_A).withSpeed(speed), null)) {
            d.handle(new org.nicrig.protocol.message.SaAdd(0, Sas.aes(1, 1)[0]));
            long t0 = System.nanoTime();
            for (long id = 1; id <= n; id++) {
                ErrorReply refused = d.submit(EncryptJob.returning(id, 0, Bytes.wrap(packetOf(size))), r -> {
                    answeredAt.put(r.jobId(), System.nanoTime());
                    ids.add(r.jobId());
                });
                assertThat(refused).isNull();
            }
            awaitSize(ids, n);
            assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            for (long id = 1; id <= n; id++) {
                assertThat(answeredAt.get(id) - t0).as("job %d answered after %d service times", id, id)
                        .isGreaterThanOrEqualTo(id * serviceNanos);
            }
        }
    }

    @Test
    void aFullQueueRefusesWithNoCreditsAndHeartbeatShowsNoneFree() {
        // one job takes 2 ms / 0.002 = 1 s: the queue cannot drain while the loop submits
        try (Device d = new Device(DeviceConfig.of(slow(4), Addresses.NIC_A).withSpeed(0.002), null)) {
            d.handle(new org.nicrig.protocol.message.SaAdd(0, Sas.aes(1, 1)[0]));
            for (long id = 1; id <= 4; id++) {
                assertThat(d.submit(EncryptJob.returning(id, 0, Bytes.wrap(packetOf(1000))), r -> { })).isNull();
            }
            ErrorReply refused = d.submit(EncryptJob.returning(5, 0, Bytes.wrap(packetOf(1000))), r -> { });
            assertThat(refused).isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.NO_CREDITS);
            assertThat(refused.detail()).contains("4 credits");
            assertThat(((HeartbeatReply) d.handle(new Heartbeat(1))).creditsFree()).isZero();
        }
    }

    @Test
    void jobsInFlightNeverExceedTheCredits() throws Exception {
        int credits = 4;
        AtomicInteger answered = new AtomicInteger();
        int accepted = 0;
        int refused = 0;
        int maxInFlight = 0;
        try (Device d = new Device(DeviceConfig.of(slow(credits), Addresses.NIC_A).withSpeed(0.2), null)) {
            d.handle(new org.nicrig.protocol.message.SaAdd(0, Sas.aes(1, 1)[0]));
            for (long id = 1; id <= 24; id++) {
                ErrorReply r = d.submit(EncryptJob.returning(id, 0, Bytes.wrap(packetOf(200))), x -> answered.incrementAndGet());
                if (r == null) {
                    accepted++;
                } else {
                    assertThat(r.code()).isEqualTo(ErrorCode.NO_CREDITS);
                    refused++;
                }
                // answered counts up before the device takes the credit back, so this never overstates
                maxInFlight = Math.max(maxInFlight, accepted - answered.get());
                Thread.sleep(1);
            }
            assertThat(maxInFlight).isLessThanOrEqualTo(credits);
            assertThat(refused).as("the host outran the engine").isPositive();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (answered.get() < accepted && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(answered.get()).as("every accepted job answered").isEqualTo(accepted);
            while (((HeartbeatReply) d.handle(new Heartbeat(1))).creditsFree() < credits && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertThat(((HeartbeatReply) d.handle(new Heartbeat(1))).creditsFree()).isEqualTo(credits);
        }
    }

    private static void awaitSize(List<?> list, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (list.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(list).hasSize(n);
    }
}
