package org.nicrig.host.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nicrig.host.admission.Admission;
import org.nicrig.host.admission.AdmissionResult;
import org.nicrig.host.admission.AllowList;
import org.nicrig.host.admission.AllowedIdentity;
import org.nicrig.host.lab.Ser2net;
import org.nicrig.host.session.DeviceGoneException;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.session.SessionListener;
import org.nicrig.host.testing.ChildProcesses;
import org.nicrig.host.traffic.UdpPacket;
import org.nicrig.host.verify.PacketVerifier;
import org.nicrig.host.verify.Verdict;
import org.nicrig.model.wire.WireHub;
import org.nicrig.protocol.message.*;

/**
 * Real I/O end to end: each device is fpga-emu in a JVM of its own on a socat pty pair, reached
 * with jSerialComm (or through ser2net and TCP), spoken to by the real session, admitted by the
 * real admission and checked against the Bouncy Castle reference. The processes are stopped
 * after every test, whatever happened, and the test fails if any is left.
 */
class PtyEmulatorEndToEndTest {
    /** Bounds every wait, so a bug hangs no build; never a claim about speed. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    /** Heartbeat 100 ms: a silent device is declared gone after 300 ms (DeviceSession: misses × ¾ interval). */
    private static final SessionConfig CONFIG = SessionConfig.DEFAULT.withHeartbeat(Duration.ofMillis(100), 4);
    private static final AllowList ALLOW = new AllowList(List.of(new AllowedIdentity("fpga-aes", 0x1172, 0xE001,
            0x01, 0x0F, new FirmwareVersion(1, 0, 0), new FirmwareVersion(1, 9, 0))));
    private static final String FPGA = "pty-emulator:fpga-aes?speed=unlimited&";

    private final List<AutoCloseable> opened = new ArrayList<>();
    private Set<Long> childrenBefore;

    @BeforeEach
    void snapshotChildren() {
        childrenBefore = ChildProcesses.alive();
    }

    @AfterEach
    void closeEverythingAndLeaveNoProcess() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        ChildProcesses.assertNoneLeftSince(childrenBefore);
    }

    private <T extends AutoCloseable> T keep(T thing) {
        opened.add(thing);
        return thing;
    }

    private PtyEmulatorTransport emulator(PtyEmulatorProvider provider, String uri) throws TransportException {
        return keep(provider.create(TransportUri.parse(uri)));
    }

    private DeviceSession session(String name, Transport transport, SessionConfig config) throws Exception {
        DeviceSession s = keep(new DeviceSession(name, transport, config));
        s.open();
        return s;
    }

    private static AdmissionResult admit(String member, DeviceSession session, long seed) {
        AdmissionResult r = new Admission(ALLOW, seed).admit(member, session);
        assertThat(r).as("admission seed %d", seed).extracting(AdmissionResult::admitted, AdmissionResult::engineVerified,
                AdmissionResult::secondaryUse).containsExactly(true, true, true);
        return r;
    }

    /** An outbound AES-CBC / HMAC-SHA-256-128 SA (RFC 3602, RFC 4868) with keys drawn from {@code seed}. */
    private static SaParams aesOut(long spi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new SaParams(spi, Direction.OUTBOUND, EspMode.TRANSPORT, Cipher.AES_128_CBC, Integrity.HMAC_SHA2_256_128,
                false, 64, UdpPacket.address("192.0.2.1"), UdpPacket.address("192.0.2.254"),
                KeyBytes.of(bytes(r, 16)), KeyBytes.of(bytes(r, 32)));
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] packet(long n, int size, SplittableRandom r) {
        return UdpPacket.build(UdpPacket.address("10.0.0.1"), UdpPacket.address("10.0.0.2"), 5000, 7, size, 1, n, r);
    }

    /** A job that completed with a result: what was sent and what came back. */
    private record Done(long jobId, byte[] sent, JobResult result) {
    }

    /** Verifies results in the order the device numbered them, as the verifier demands. */
    private static void verifyAll(PacketVerifier verifier, long spi, List<Done> done, long seed) {
        done.sort(Comparator.comparingLong(d -> d.result().sequenceNumber()));
        for (Done d : done) {
            assertThat(d.result().jobId()).as("seed %d", seed).isEqualTo(d.jobId());
            assertThat(d.result().status()).as("job %d: %s (seed %d)", d.jobId(), d.result().reason(), seed)
                    .isEqualTo(JobStatus.OK);
            Verdict v = verifier.verify("fpga1", spi, d.sent(), d.result().output().toArray());
            assertThat(v).as("job %d, seed %d", d.jobId(), seed).isInstanceOf(Verdict.Ok.class);
        }
    }

    @Test
    void theDeviceIsAProcessOfItsOwnOnTheHubAndIsAdmittedAndEncryptsVerifiably() throws Exception {
        long seed = 0xE2E1;
        WireHub hub = keep(WireHub.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        PtyEmulatorProvider provider = new PtyEmulatorProvider(Optional.of(hub.address()));
        PtyEmulatorTransport t = emulator(provider, FPGA + "mac=02:00:00:00:00:11&seed=11&baud=921600");
        DeviceSession s = session("fpga1", t, CONFIG);

        assertThat(ProcessHandle.current().children().map(ProcessHandle::pid)).contains(t.pid());
        assertThat(ProcessHandle.of(t.pid()).flatMap(h -> h.info().commandLine())).hasValueSatisfying(line ->
                assertThat(line).contains(EmulatorChild.class.getName()).contains("--hub udp:127.0.0.1:" + hub.address().getPort()));
        assertThat(hub.endpoints()).as("the emulator joined the hub before it served").isEqualTo(1);
        assertThat(s.identity().mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:11"));
        admit("fpga1", s, seed);

        SaParams sa = aesOut(0x1001, seed);
        assertThat(s.call(new SaAdd(0, sa))).isEqualTo(new Ack(MessageType.SA_ADD));
        PacketVerifier verifier = new PacketVerifier();
        verifier.install(sa);
        SplittableRandom r = new SplittableRandom(seed);
        for (int n = 1; n <= 20; n++) {
            byte[] p = packet(n, 28 + r.nextInt(1400), r);
            JobResult res = s.submitJob(EncryptJob.returning(n, 0, Bytes.wrap(p))).get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(res.status()).as(res.reason()).isEqualTo(JobStatus.OK);
            assertThat(verifier.verify("fpga1", sa.spi(), p, res.output().toArray())).as("job %d, seed %d", n, seed)
                    .isInstanceOf(Verdict.Ok.class);
        }
        assertThat(verifier.tally().total().ok()).isEqualTo(20);
        assertThat(s.state()).isEqualTo(DeviceSession.State.OPEN);
    }

    @Test
    void killingTheEmulatorMidTrafficEndsTheSessionAndAFreshProcessIsAdmitted() throws Exception {
        long seed = 0xE2E2;
        PtyEmulatorProvider provider = new PtyEmulatorProvider(Optional.empty());
        String uri = FPGA + "mac=02:00:00:00:00:12&seed=12";
        PtyEmulatorTransport first = emulator(provider, uri);
        DeviceSession s = session("fpga1", first, CONFIG);
        admit("fpga1", s, seed);
        SaParams sa = aesOut(0x1001, seed);
        s.call(new SaAdd(0, sa));
        CountDownLatch gone = new CountDownLatch(1);
        AtomicReference<String> why = new AtomicReference<>();
        s.addListener(new SessionListener() {
            @Override
            public void onGone(DeviceSession session, String reason) {
                why.set(reason);
                gone.countDown();
            }

            @Override
            public void onSilent(DeviceSession session, String reason) {
                why.set(reason); // socat keeps the pty open, so a dead emulator is silence, not a closed port
                gone.countDown();
            }
        });

        // Keep jobs flowing until the session gives up; kill the device once results are coming back.
        SplittableRandom r = new SplittableRandom(seed);
        List<CompletableFuture<JobResult>> jobs = new ArrayList<>();
        List<byte[]> sent = new ArrayList<>();
        AtomicInteger completed = new AtomicInteger();
        long killedPid = first.pid();
        boolean killed = false;
        long guard = System.nanoTime() + HANG_GUARD.toNanos();
        while (s.state() == DeviceSession.State.OPEN) {
            if (!killed && completed.get() >= 50) {
                first.kill();
                killed = true;
            }
            if (s.jobsInFlight() < 64) {
                byte[] p = packet(jobs.size() + 1, 28 + r.nextInt(1000), r);
                sent.add(p);
                jobs.add(s.submitJob(EncryptJob.returning(jobs.size() + 1, 0, Bytes.wrap(p))).whenComplete((res, e) -> {
                    if (e == null) {
                        completed.incrementAndGet();
                    }
                }));
            } else {
                Thread.sleep(1);
            }
            if (System.nanoTime() - guard > 0) {
                fail("session still %s after the hang guard; killed=%s, %d jobs done", s.state(), killed, completed.get());
            }
        }
        assertThat(killed).as("the session ended only after the kill (%s)", why.get()).isTrue();
        assertThat(gone.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(s.state()).isIn(DeviceSession.State.SILENT, DeviceSession.State.GONE);
        assertThat(first.isDeviceAlive()).isFalse();
        assertThat(ProcessHandle.of(killedPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        PacketVerifier verifier = new PacketVerifier();
        verifier.install(sa);
        List<Done> done = new ArrayList<>();
        int goneFailures = 0;
        for (int i = 0; i < jobs.size(); i++) {
            CompletableFuture<JobResult> job = jobs.get(i);
            Throwable failure = job.handle((res, e) -> e).get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            if (failure == null) {
                done.add(new Done(i + 1, sent.get(i), job.join()));
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                assertThat(cause).as("job %d", i + 1).isInstanceOf(DeviceGoneException.class);
                goneFailures++;
            }
        }
        assertThat(goneFailures).as("jobs pending at the kill").isPositive();
        assertThat(done).hasSizeGreaterThanOrEqualTo(50);
        verifyAll(verifier, sa.spi(), done, seed);
        System.out.printf("kill: %d jobs, %d completed, %d failed DeviceGone; session said: %s%n",
                jobs.size(), done.size(), goneFailures, why.get());

        // The hot-swap: a fresh process in the same place is admitted and works.
        PtyEmulatorTransport second = emulator(provider, uri);
        DeviceSession swapped = session("fpga1", second, CONFIG);
        assertThat(second.pid()).isNotEqualTo(killedPid);
        admit("fpga1", swapped, seed + 1);
        SaParams sa2 = aesOut(0x1002, seed + 1); // a new SA: the replacement's counter starts again at 1
        swapped.call(new SaAdd(0, sa2));
        verifier.install(sa2);
        byte[] p = packet(1, 100, r);
        JobResult res = swapped.submitJob(EncryptJob.returning(1, 0, Bytes.wrap(p))).get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        assertThat(verifier.verify("fpga1", sa2.spi(), p, res.output().toArray())).isInstanceOf(Verdict.Ok.class);
    }

    @Test
    void garbledRepliesAreDroppedAndRetriedOrFailTypedButNeverGiveAWrongOrDuplicateResult() throws Exception {
        long seed = 0x6A7B;
        SessionConfig config = SessionConfig.DEFAULT.withHeartbeat(Duration.ofMillis(200), 4)
                .withRequestTimeout(Duration.ofMillis(150)).withRetries(5).withJobTimeout(Duration.ofMillis(500));
        PtyEmulatorTransport t = emulator(new PtyEmulatorProvider(Optional.empty()), FPGA + "mac=02:00:00:00:00:13&seed=13");
        DeviceSession s = session("fpga1", t, config);
        admit("fpga1", s, seed);
        SaParams sa = aesOut(0x1001, seed);
        s.call(new SaAdd(0, sa));
        // the device acknowledges first, then garbles what it sends: 2000 ppm of the bytes get one bit flipped
        assertThat(s.call(new InjectFault(FaultKind.GARBLE, 2000, Duration.ZERO))).isEqualTo(new Ack(MessageType.FAULT));

        long idRegister = 0xE001L << 16 | 0x1172; // register 0x00: device id << 16 | vendor id
        for (int i = 0; i < 300; i++) {
            assertThat(s.call(new RegRead(0x00))).as("read %d", i).isEqualTo(new RegValue(0x00, idRegister));
        }
        long retriesForReads = s.retries();

        SplittableRandom r = new SplittableRandom(seed);
        List<CompletableFuture<JobResult>> jobs = new ArrayList<>();
        List<byte[]> sent = new ArrayList<>();
        List<AtomicInteger> completions = new ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            byte[] p = packet(n, 28 + r.nextInt(120), r);
            AtomicInteger c = new AtomicInteger();
            sent.add(p);
            completions.add(c);
            jobs.add(s.submitJob(EncryptJob.returning(n, 0, Bytes.wrap(p))).whenComplete((res, e) -> c.incrementAndGet()));
        }
        List<Done> done = new ArrayList<>();
        int timedOut = 0;
        for (int i = 0; i < jobs.size(); i++) {
            Throwable failure = jobs.get(i).handle((res, e) -> e).get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            if (failure == null) {
                done.add(new Done(i + 1, sent.get(i), jobs.get(i).join()));
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                assertThat(cause).as("job %d, seed %d", i + 1, seed).isInstanceOf(SessionException.class);
                timedOut++;
            }
        }
        PacketVerifier verifier = new PacketVerifier();
        verifier.install(sa);
        verifyAll(verifier, sa.spi(), done, seed);
        assertThat(completions).as("every job completes exactly once").allMatch(c -> c.get() == 1);
        assertThat(done).as("most jobs get through 2000 ppm").hasSizeGreaterThan(150);
        assertThat(s.droppedFrames()).as("garbled frames dropped").isPositive();
        assertThat(retriesForReads).as("garbled reads retried").isPositive();
        assertThat(s.state()).as("the session resynchronised and stayed up").isEqualTo(DeviceSession.State.OPEN);
        System.out.printf("garble: %d dropped frames, %d retries for 300 reads, %d/300 jobs ok, %d failed typed, %d late%n",
                s.droppedFrames(), retriesForReads, done.size(), timedOut, s.lateResponses());
    }

    @Test
    void aPtyEmulatorBehindSer2netIsAdmittedOverTcp() throws Exception {
        EmulatedDeviceSpec spec = EmulatedDeviceSpec.parse(TransportUri.parse(FPGA + "mac=02:00:00:00:00:14&seed=14"));
        PtyEmulator device = keep(PtyEmulator.start("fpga-behind-ser2net", spec, Optional.empty(), EmulatorCommand.current()));
        Ser2net ser2net = keep(Ser2net.serve(device.hostEnd(), Duration.ofSeconds(10)));
        DeviceSession s = session("fpga1", Transports.create(ser2net.uri()), CONFIG);
        assertThat(s.transport()).isInstanceOf(TcpTransport.class);
        assertThat(s.identity().mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:14"));
        admit("fpga1", s, 0xE2E4);
        assertThat(s.call(new RegRead(0x08))).isEqualTo(new RegValue(0x08, 0x01)); // revision register
    }
}
