package org.nicrig.host.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nicrig.host.testing.ScriptedDevice;
import org.nicrig.protocol.message.*;

/** The session against a device scripted step by step. */
class DeviceSessionTest {
    private static final SessionConfig FAST = new SessionConfig(Duration.ofMillis(150), 2, Duration.ofMillis(300),
            Duration.ZERO, 2);

    private final ScriptedDevice device = new ScriptedDevice();
    private DeviceSession session;

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        device.close();
    }

    static IdentifyReply identity(int credits) {
        return new IdentifyReply(new PciIdentity(0x8086, 0x1229, 8, 0x8086, 0x70), MacAddress.parse("02:00:00:00:00:01"),
                new FirmwareVersion(2, 1, 7), true, 100,
                new Capabilities(true, true, 16, 2048, credits, List.of(Cipher.TRIPLE_DES_CBC), List.of(Integrity.HMAC_SHA1_96)));
    }

    /** Opens the session, playing HELLO and IDENTIFY on the device side. */
    private IdentifyReply open(SessionConfig config, int credits) throws Exception {
        session = new DeviceSession("dut", device.transport(), config);
        CompletableFuture<IdentifyReply> opened = CompletableFuture.supplyAsync(() -> {
            try {
                return session.open();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Envelope hello = device.expect(Hello.class);
        device.reply(hello.sequence(), new HelloReply(1, 16384));
        Envelope id = device.expect(Identify.class);
        device.reply(id.sequence(), identity(credits));
        return opened.get(5, TimeUnit.SECONDS);
    }

    @Test
    void openNegotiatesAndIdentifies() throws Exception {
        IdentifyReply id = open(FAST, 4);
        assertThat(id).isEqualTo(identity(4));
        assertThat(session.state()).isEqualTo(DeviceSession.State.OPEN);
        assertThat(session.credits()).isEqualTo(4);
    }

    @Test
    void deviceSpeakingAnotherVersionIsRefusedWithAClearError() throws Exception {
        session = new DeviceSession("dut", device.transport(), FAST);
        CompletableFuture<Throwable> opened = CompletableFuture.supplyAsync(() -> catchThrowable(session::open));
        Envelope hello = device.expect(Hello.class);
        device.reply(hello.sequence(), new ErrorReply(MessageType.HELLO, ErrorCode.UNSUPPORTED_VERSION, "device speaks 3..4"));
        Throwable t = opened.get(5, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(DeviceRefusedException.class)
                .hasMessageContaining("dut").hasMessageContaining("HELLO").hasMessageContaining("UNSUPPORTED_VERSION")
                .hasMessageContaining("device speaks 3..4");
        assertThat(((DeviceRefusedException) t).code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    }

    @Test
    void idempotentRequestIsRetriedWithTheSameSequenceNumber() throws Exception {
        open(FAST, 4);
        CompletableFuture<Response> stats = session.send(new GetStats());
        Envelope first = device.expect(GetStats.class);
        Envelope retry = device.expect(GetStats.class); // unanswered: the session asks again
        assertThat(retry.sequence()).isEqualTo(first.sequence());
        device.reply(retry.sequence(), new StatsReply(List.of(new Counter("rx_frames", 7))));
        assertThat(((StatsReply) stats.get(2, TimeUnit.SECONDS)).get("rx_frames")).isEqualTo(7);
        assertThat(session.retries()).isEqualTo(1);
    }

    @Test
    void nonIdempotentRequestIsNeverRetried() throws Exception {
        open(FAST, 4);
        CompletableFuture<Response> add = session.send(new SaDelete(3));
        device.expect(SaDelete.class);
        Throwable t = catchThrowable(() -> add.get(3, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class).cause().isInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("dut").hasMessageContaining("SA_DELETE seq");
        device.expectNothing(Duration.ofMillis(400)); // and no second SA_DELETE went out
        assertThat(session.retries()).isZero();
    }

    @Test
    void secondAnswerToTheSameRequestIsDroppedAndCounted() throws Exception {
        open(FAST, 4);
        CompletableFuture<Response> read = session.send(new RegRead(0x10));
        Envelope req = device.expect(RegRead.class);
        device.reply(req.sequence(), new RegValue(0x10, 1));
        device.reply(req.sequence(), new RegValue(0x10, 99));
        assertThat(read.get(2, TimeUnit.SECONDS)).isEqualTo(new RegValue(0x10, 1));
        awaitCondition(() -> session.lateResponses() == 1);
    }

    @Test
    void lateAnswerAfterTheTimeoutDoesNotCompleteTheRequest() throws Exception {
        open(FAST.withRetries(0), 4);
        CompletableFuture<Response> read = session.send(new RegRead(0x10));
        Envelope req = device.expect(RegRead.class);
        Throwable t = catchThrowable(() -> read.get(3, TimeUnit.SECONDS));
        assertThat(t).cause().isInstanceOf(RequestTimeoutException.class);
        device.reply(req.sequence(), new RegValue(0x10, 1));
        awaitCondition(() -> session.lateResponses() == 1);
        assertThat(session.timeouts()).isEqualTo(1);
    }

    @Test
    void errorReplyFailsTheRequestNamingDeviceTypeAndSequence() throws Exception {
        open(FAST, 4);
        CompletableFuture<Response> add = session.send(new SaDelete(200));
        Envelope req = device.expect(SaDelete.class);
        device.reply(req.sequence(), new ErrorReply(MessageType.SA_DELETE, ErrorCode.SA_SLOT_INVALID, "slot 200 outside 16"));
        Throwable t = catchThrowable(() -> add.get(2, TimeUnit.SECONDS));
        assertThat(t.getCause()).isInstanceOf(DeviceRefusedException.class)
                .hasMessage("dut: SA_DELETE seq " + req.sequence() + ": refused: SA_SLOT_INVALID (slot 200 outside 16)");
    }

    @Test
    void neverMoreJobsOutstandingThanCredits() throws Exception {
        open(FAST.withJobTimeout(Duration.ofSeconds(5)), 2);
        List<CompletableFuture<JobResult>> jobs = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 3; i++) {
            jobs.add(session.submitJob(EncryptJob.returning(i, 0, Bytes.fromHex("4500"))));
        }
        Envelope j1 = device.expect(EncryptJob.class);
        Envelope j2 = device.expect(EncryptJob.class);
        device.expectNothing(Duration.ofMillis(200)); // the third waits for a credit
        device.reply(j1.sequence(), JobResult.ok(((EncryptJob) j1.message()).jobId(), 1, Bytes.fromHex("aa")));
        Envelope j3 = device.expect(EncryptJob.class);
        assertThat(((EncryptJob) j3.message()).jobId()).isEqualTo(3);
        device.reply(j2.sequence(), JobResult.ok(2, 2, Bytes.fromHex("bb")));
        device.reply(j3.sequence(), JobResult.ok(3, 3, Bytes.fromHex("cc")));
        assertThat(jobs.get(2).get(2, TimeUnit.SECONDS).output()).isEqualTo(Bytes.fromHex("cc"));
        assertThat(session.jobsInFlight()).isZero();
    }

    @Test
    void jobResultWithAnotherJobIdDoesNotCompleteTheJob() throws Exception {
        open(FAST, 2);
        CompletableFuture<JobResult> job = session.submitJob(EncryptJob.returning(41, 0, Bytes.fromHex("4500")));
        Envelope req = device.expect(EncryptJob.class);
        device.reply(req.sequence(), JobResult.ok(42, 1, Bytes.fromHex("aa")));
        device.reply(req.sequence(), JobResult.ok(41, 1, Bytes.fromHex("bb")));
        assertThat(job.get(2, TimeUnit.SECONDS).jobId()).isEqualTo(41);
        assertThat(session.lateResponses()).isEqualTo(1);
    }

    @Test
    void eventsReachListeners() throws Exception {
        open(FAST, 2);
        List<Event> events = new CopyOnWriteArrayList<>();
        session.addListener(new SessionListener() {
            @Override
            public void onEvent(DeviceSession s, Event e) {
                events.add(e);
            }
        });
        device.event(new LinkChange(false, 0));
        device.event(new DeviceReset(ResetCause.WATCHDOG));
        awaitCondition(() -> events.size() == 2);
        assertThat(events).containsExactly(new LinkChange(false, 0), new DeviceReset(ResetCause.WATCHDOG));
    }

    @Test
    void silentDeviceIsSetAsideAndComesBackWhenItAnswersAgain() throws Exception {
        SessionConfig heartbeat = FAST.withHeartbeat(Duration.ofMillis(200), 2).withRequestTimeout(Duration.ofSeconds(10));
        session = new DeviceSession("dut", device.transport(), heartbeat);
        CountDownLatch silent = new CountDownLatch(1);
        CountDownLatch back = new CountDownLatch(1);
        session.addListener(new SessionListener() {
            @Override
            public void onSilent(DeviceSession s, String why) {
                silent.countDown();
            }

            @Override
            public void onBack(DeviceSession s) {
                back.countDown();
            }
        });
        CompletableFuture<IdentifyReply> opened = CompletableFuture.supplyAsync(() -> {
            try {
                return session.open();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        device.reply(device.expect(Hello.class).sequence(), new HelloReply(1, 16384));
        device.reply(device.expect(Identify.class).sequence(), identity(2));
        opened.get(5, TimeUnit.SECONDS);
        Future<Response> pending = session.send(new Reset()); // never answered: the device has gone quiet
        assertThat(silent.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(session.state()).isEqualTo(DeviceSession.State.SILENT);
        assertThatThrownBy(() -> pending.get(1, TimeUnit.SECONDS)).cause()
                .isInstanceOf(DeviceGoneException.class).hasMessageContaining("silent for");
        // The session keeps probing; the first answer brings it back.
        Envelope probe = device.next();
        while (!(probe.message() instanceof Heartbeat)) {
            probe = device.next();
        }
        device.reply(probe.sequence(), new HeartbeatReply(((Heartbeat) probe.message()).nonce(), 2, 1));
        assertThat(back.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(session.state()).isEqualTo(DeviceSession.State.OPEN);
    }

    @Test
    void unpluggedDeviceEndsTheSessionAndFailsJobs() throws Exception {
        open(FAST.withJobTimeout(Duration.ofSeconds(10)), 2);
        CompletableFuture<JobResult> job = session.submitJob(EncryptJob.returning(1, 0, Bytes.fromHex("4500")));
        device.expect(EncryptJob.class);
        device.unplug();
        Throwable t = catchThrowable(() -> job.get(5, TimeUnit.SECONDS));
        assertThat(t.getCause()).isInstanceOf(DeviceGoneException.class).hasMessageContaining("scripted-device");
        assertThat(session.state()).isEqualTo(DeviceSession.State.GONE);
        assertThat(session.submitJob(EncryptJob.returning(2, 0, Bytes.fromHex("4500"))))
                .failsWithin(Duration.ofSeconds(1));
    }

    @Test
    void garbageOnTheLineIsDroppedAndTheNextAnswerStillArrives() throws Exception {
        open(FAST, 2);
        CompletableFuture<Response> read = session.send(new RegRead(0x20));
        Envelope req = device.expect(RegRead.class);
        device.raw(new byte[] {0x00, 0x13, 0x37, 0x42, 0x00});
        device.reply(req.sequence(), new RegValue(0x20, 5));
        assertThat(read.get(2, TimeUnit.SECONDS)).isEqualTo(new RegValue(0x20, 5));
        assertThat(session.droppedFrames()).isEqualTo(1);
    }

    static void awaitCondition(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
