package org.nicrig.host.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nicrig.host.plan.ProbeKind;
import org.nicrig.host.plan.Step;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.team.TeamSa;
import org.nicrig.host.team.TeamSnapshot;
import org.nicrig.host.verify.DeviceOuterHeader;
import org.nicrig.host.verify.EspReference;
import org.nicrig.protocol.message.*;

/**
 * {@code type: probe}: drives one member's device directly with a private copy of a team SA
 * (same algorithms and keys, its own SPI and the top slot of the table, so team traffic is not
 * disturbed) and judges every answer with the Bouncy Castle reference. What a correct device must
 * do is in {@link ProbeKind}; what a wrong one did is counted as a known-answer mismatch, an
 * accepted replay or forgery, or a job served by an SA that should have been gone.
 */
final class ProbeStep {
    private static final long TIMEOUT_SECONDS = 10;

    private final RigRuntime rig;
    private final Step.Probe step;
    private final Stats stats;
    private final SplittableRandom random;
    private long jobId = 0x6000_0000L;

    ProbeStep(RigRuntime rig, Step.Probe step, Stats stats, long seed, long stepId) {
        this.rig = rig;
        this.step = step;
        this.stats = stats;
        this.random = new SplittableRandom(seed ^ (stepId * 0xBF58476D1CE4E5B9L));
    }

    String run() throws InterruptedException {
        TeamSa sa = rig.sa(step.sa());
        List<String> failures = new ArrayList<>();
        for (String member : targets(sa)) {
            DeviceSession s = rig.session(member);
            try {
                switch (step.probe()) {
                    case KNOWN_ANSWER -> knownAnswer(s, sa.params());
                    case REPLAY -> replay(s, sa.params());
                    case TAMPER -> tamper(s, sa.params());
                    case REKEY -> rekey(s, sa.params());
                    case RESET_CLEARS -> resetClears(s, sa.params());
                }
            } catch (SessionException | TimeoutException e) {
                failures.add(member + ": " + e.getMessage());
            }
        }
        if (targets(sa).isEmpty()) {
            return "no admitted member with a verified engine runs " + sa.params().cipher() + "/" + sa.params().integrity();
        }
        return failures.isEmpty() ? null : String.join("; ", failures);
    }

    private List<String> targets(TeamSa sa) {
        if (step.member().isPresent()) {
            return List.of(step.member().get());
        }
        TeamSnapshot snap = rig.team.snapshot().join();
        List<String> out = new ArrayList<>();
        for (TeamSnapshot.MemberView m : snap.members()) {
            DeviceSession s = m.alive() && m.capable() ? rig.session(m.name()) : null;
            if (s != null && s.identity().capabilities().ciphers().contains(sa.params().cipher())
                    && s.identity().capabilities().integrities().contains(sa.params().integrity())) {
                out.add(m.name());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ probes

    /** Fixed IVs, the device's own counter from 1, every pad length; ESN also across 2^32. */
    private void knownAnswer(DeviceSession s, SaParams team) throws SessionException, TimeoutException, InterruptedException {
        SaParams sa = copy(team);
        int slot = install(s, sa);
        EspReference ref = new EspReference(sa);
        for (long n = 1; n <= step.count(); n++) {
            byte[] packet = packet(44 + (int) (n % 17));
            if (sa.direction() == Direction.OUTBOUND) {
                byte[] iv = bytes(sa.cipher().ivLength());
                JobResult r = job(s, new EncryptJob(jobId++, slot, Disposition.RETURN, null, Bytes.wrap(iv), Bytes.wrap(packet)));
                check(r.status() == JobStatus.OK && Arrays.equals(DeviceOuterHeader.seal(ref, packet, n, iv), r.output().toArray()), s, "known answer " + n);
            } else {
                JobResult r = job(s, new DecryptJob(jobId++, slot, Bytes.wrap(ref.seal(packet, n, bytes(sa.cipher().ivLength())))));
                check(r.status() == JobStatus.OK && Arrays.equals(packet, r.output().toArray()), s, "known answer " + n);
            }
        }
        if (sa.esn() && sa.direction() == Direction.OUTBOUND) {
            for (long seq = (1L << 32) - 1; seq <= (1L << 32) + 1; seq++) {
                byte[] packet = packet(100);
                byte[] iv = bytes(sa.cipher().ivLength());
                JobResult r = job(s, new EncryptJob(jobId++, slot, Disposition.RETURN, null, Bytes.wrap(iv), Bytes.wrap(packet), seq));
                check(r.status() == JobStatus.OK && Arrays.equals(DeviceOuterHeader.seal(ref, packet, seq, iv), r.output().toArray()), s,
                        "known answer at ESN sequence 0x" + Long.toHexString(seq));
            }
        }
        s.call(new SaDelete(slot));
    }

    /** RFC 4303 §3.4.3: after the window's top H, H again, H-W and anything left of it are replays. */
    private void replay(DeviceSession s, SaParams team) throws SessionException, TimeoutException, InterruptedException {
        SaParams sa = copy(team);
        int window = Math.max(64, sa.replayWindow());
        long top = Math.max(step.count(), window + 8);
        long hole = top - window + 1; // inside the window, never sent: must be accepted later
        int slot = install(s, sa);
        EspReference ref = new EspReference(sa);
        for (long n = 1; n <= top; n++) {
            if (n != hole) {
                expect(s, slot, ref, n, JobStatus.OK, false);
            }
        }
        expect(s, slot, ref, top, JobStatus.REPLAY, true);
        expect(s, slot, ref, top - window, JobStatus.REPLAY, true);
        expect(s, slot, ref, top - window, JobStatus.REPLAY, true);
        expect(s, slot, ref, hole, JobStatus.OK, false);
        expect(s, slot, ref, hole, JobStatus.REPLAY, true);
        s.call(new SaDelete(slot));
    }

    private void expect(DeviceSession s, int slot, EspReference ref, long seq, JobStatus want, boolean replay)
            throws TimeoutException, InterruptedException {
        JobResult r = job(s, new DecryptJob(jobId++, slot, Bytes.wrap(ref.seal(packet(80), seq, bytes(ref.sa().cipher().ivLength())))));
        // A replay must be dropped: REPLAY, or with ESN, ICV_MISMATCH for a number left of the window,
        // which RFC 4303 Appendix A2.2 places in the next 2^32 block.
        boolean dropped = r.status() != JobStatus.OK;
        if (replay ? !dropped : r.status() != want) {
            if (replay && r.status() == JobStatus.OK) {
                stats.add(x -> x.replaysAccepted, 1);
                note(s, "replay of sequence " + seq + " accepted");
            } else {
                stats.add(x -> x.knownAnswerMismatches, 1);
                note(s, "sequence " + seq + ": expected " + want + ", got " + r.status());
            }
        }
    }

    /** RFC 4303 §3.4.4: one flipped bit in the ICV, the ciphertext or the IV, and the packet is dropped. */
    private void tamper(DeviceSession s, SaParams team) throws SessionException, TimeoutException, InterruptedException {
        SaParams sa = copy(team);
        int slot = install(s, sa);
        EspReference ref = new EspReference(sa);
        for (long n = 1; n <= step.count(); n++) {
            byte[] esp = ref.seal(packet(120), n, bytes(sa.cipher().ivLength()));
            int ipHeader = (esp[0] & 0x0F) * 4;
            int at = switch ((int) (n % 3)) {
                case 0 -> esp.length - 1;                          // ICV
                case 1 -> esp.length - sa.icvLength() - 3;         // ciphertext
                default -> ipHeader + 8;                           // IV
            };
            esp[at] ^= (byte) (1 << (n % 8));
            JobResult r = job(s, new DecryptJob(jobId++, slot, Bytes.wrap(esp)));
            if (r.status() == JobStatus.OK) {
                stats.add(x -> x.forgeriesAccepted, 1);
                note(s, "a packet with byte " + at + " flipped was accepted");
            }
        }
        s.call(new SaDelete(slot));
    }

    /** Delete and install again in the same slot: the new SA starts from sequence 1, with a fresh window. */
    private void rekey(DeviceSession s, SaParams team) throws SessionException, TimeoutException, InterruptedException {
        SaParams first = copy(team);
        int slot = install(s, first);
        long half = Math.max(2, step.count() / 2);
        EspReference ref1 = new EspReference(first);
        for (long n = 1; n <= half; n++) {
            use(s, slot, first, ref1, n);
        }
        s.call(new SaDelete(slot));
        SaParams second = copy(team);
        s.call(new SaAdd(slot, second));
        EspReference ref2 = new EspReference(second);
        for (long n = 1; n <= half; n++) {
            if (!use(s, slot, second, ref2, n)) {
                stats.add(x -> x.staleSaJobs, 1);
                note(s, "after delete and re-add, packet " + n + " did not match a fresh SA");
            }
        }
        s.call(new SaDelete(slot));
    }

    private boolean use(DeviceSession s, int slot, SaParams sa, EspReference ref, long n) throws TimeoutException, InterruptedException {
        byte[] packet = packet(90);
        byte[] iv = bytes(sa.cipher().ivLength());
        if (sa.direction() == Direction.OUTBOUND) {
            JobResult r = job(s, new EncryptJob(jobId++, slot, Disposition.RETURN, null, Bytes.wrap(iv), Bytes.wrap(packet)));
            return r.status() == JobStatus.OK && Arrays.equals(DeviceOuterHeader.seal(ref, packet, n, iv), r.output().toArray());
        }
        JobResult r = job(s, new DecryptJob(jobId++, slot, Bytes.wrap(DeviceOuterHeader.seal(ref, packet, n, iv))));
        return r.status() == JobStatus.OK && Arrays.equals(packet, r.output().toArray());
    }

    /** After RESET the table is empty: a job on the slot it used must be refused (NO_SA). */
    private void resetClears(DeviceSession s, SaParams team) throws SessionException, TimeoutException, InterruptedException {
        SaParams sa = copy(team);
        int slot = install(s, sa);
        s.call(new Reset());
        for (long n = 1; n <= step.count(); n++) {
            Request job = sa.direction() == Direction.OUTBOUND
                    ? EncryptJob.returning(jobId++, slot, Bytes.wrap(packet(64)))
                    : new DecryptJob(jobId++, slot, Bytes.wrap(new EspReference(sa).seal(packet(64), n, bytes(sa.cipher().ivLength()))));
            JobResult r = job(s, job);
            if (r.status() != JobStatus.NO_SA) {
                stats.add(x -> x.staleSaJobs, 1);
                note(s, "after RESET, slot " + slot + " still answered " + r.status());
            }
        }
        s.call(new SaDelete(slot));
    }

    // ------------------------------------------------------------------ helpers

    private SaParams copy(SaParams p) {
        return new SaParams(0x7000_0000L + random.nextInt(0x0FFF_FFFF), p.direction(), p.mode(), p.cipher(), p.integrity(),
                p.esn(), p.replayWindow(), p.tunnelSource(), p.tunnelDestination(), p.encryptionKey(), p.authenticationKey());
    }

    private static int install(DeviceSession s, SaParams sa) throws SessionException {
        int slot = s.identity().capabilities().maxSas() - 1;
        s.call(new SaDelete(slot));
        s.call(new SaAdd(slot, sa));
        return slot;
    }

    private void check(boolean ok, DeviceSession s, String what) {
        stats.add(x -> x.knownAnswerMismatches, ok ? 0 : 1);
        if (!ok) {
            note(s, what + " does not match the reference");
        }
    }

    private void note(DeviceSession s, String what) {
        rig.journal.packetVerified(s.name(), 0, 0, List.of("PROBE_" + step.probe().name()), step.name() + ": " + what);
    }

    private static JobResult job(DeviceSession s, Request job) throws TimeoutException, InterruptedException {
        try {
            return s.submitJob(job).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new TimeoutException(e.getCause().getMessage());
        }
    }

    private byte[] packet(int size) {
        return org.nicrig.host.traffic.UdpPacket.build(PacketSource.TEAM_IP, rig.peerIp, 5000, 9, size, 0, random.nextLong(), random);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
