package org.nicrig.host.team;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.nicrig.host.session.DeviceRefusedException;
import org.nicrig.host.session.RequestTimeoutException;
import org.nicrig.host.team.distribution.Decision;
import org.nicrig.host.team.distribution.MemberLoad;
import org.nicrig.host.team.distribution.Role;
import org.nicrig.host.traffic.Ethernet;
import org.nicrig.protocol.message.*;

/**
 * Where each job goes, and what happens when it comes back: the routing of FIG. 4 and FIG. 5,
 * the workload distribution of FIG. 6, and re-dispatch. Every job is completed exactly once — by
 * its one accepted answer or with a reason — because a job is in flight on at most one member at
 * a time, a member's failure or timeout ends that attempt before the next starts, and a late
 * answer from an abandoned attempt is dropped by the session. Runs on the team's thread only.
 */
final class Dispatcher {
    private final Team team;
    private final Deque<Job> txQueue = new ArrayDeque<>();
    private final Map<Long, Deque<Job>> saQueues = new LinkedHashMap<>();
    private final Map<Long, String> flowMember = new HashMap<>();

    Dispatcher(Team team) {
        this.team = team;
    }

    void enqueue(Job job) {
        if (team.closed()) {
            job.fail("team closed");
            return;
        }
        queueOf(job).addLast(job);
        pump();
    }

    private Deque<Job> queueOf(Job job) {
        return job.kind == Job.Kind.TX ? txQueue : saQueues.computeIfAbsent(job.sa.spi(), k -> new ArrayDeque<>());
    }

    int queued() {
        return txQueue.size() + saQueues.values().stream().mapToInt(Deque::size).sum();
    }

    void failAll(String reason) {
        List<Job> all = new ArrayList<>(txQueue);
        saQueues.values().forEach(all::addAll);
        txQueue.clear();
        saQueues.clear();
        for (Job j : all) {
            finishFailed(j, reason);
        }
    }

    /**
     * Sends what can be sent now; a job that must wait keeps its place in its queue. Never runs
     * inside itself: work that completes or retries synchronously while a pump is under way asks
     * for another round instead, so a job is never taken from a queue twice.
     */
    void pump() {
        if (team.closed()) {
            return;
        }
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                pumpOnce();
            } while (pumpAgain && !team.closed());
        } finally {
            pumping = false;
        }
    }

    private boolean pumping;
    private boolean pumpAgain;

    private void pumpOnce() {
        while (!txQueue.isEmpty()) {
            Job j = txQueue.poll(); // out of the queue while it is tried: a retry puts it back once
            if (!tryTransmit(j)) {
                txQueue.addFirst(j);
                break;
            }
        }
        for (Deque<Job> q : saQueues.values()) {
            while (!q.isEmpty()) {
                Job j = q.peek();
                Decision d = choose(j, j.kind == Job.Kind.SECONDARY);
                if (d instanceof Decision.Wait) {
                    break;
                }
                q.poll();
                if (d instanceof Decision.Reject r) {
                    finishFailed(j, r.reason());
                } else {
                    Member m = team.members.get(((Decision.Dispatch) d).memberId());
                    runOnEngine(j, m, j.kind == Job.Kind.SECONDARY ? encryptJob(j, m, Disposition.RETURN, null)
                            : new DecryptJob(j.id, m.slots.get(j.sa.spi()), Bytes.wrap(j.packet)));
                }
            }
        }
    }

    // ------------------------------------------------------------------ choosing an engine

    /** Asks the distributor among the members that hold the job's SA. */
    private Decision choose(Job job, boolean secondaryUse) {
        List<MemberLoad> loads = new ArrayList<>();
        long now = System.nanoTime();
        for (Member m : team.members.values()) {
            if (!m.reachable() || !m.capable() || m.installing || !m.slots.containsKey(job.sa.spi())) {
                continue;
            }
            if (secondaryUse && !m.admission.secondaryUse()) {
                continue;
            }
            Role role = team.config.mode() == TeamMode.ALB ? Role.ACTIVE : m.name.equals(team.active) ? Role.PRIMARY : Role.STANDBY;
            loads.add(new MemberLoad(m.name, role, m.engineRate(), m.outstandingBytes, m.freeCredits(), m.linkUp,
                    m.engineHealthy, Math.min(m.teamTraffic.bytesPerSecond(now), m.engineRate() * 3 / 4)));
        }
        if (loads.isEmpty() && team.members.values().stream().anyMatch(m -> m.alive && m.capable() && m.installing)) {
            return Decision.WAIT; // an engine is getting its SAs back (after a RESET, or joining): wait for it
        }
        if (loads.isEmpty()) {
            return new Decision.Reject("no member has a verified engine holding " + job.sa
                    + (secondaryUse ? " and granting secondary use" : ""));
        }
        return team.config.distributor().choose(Math.max(1, job.packet.length), loads);
    }

    // ------------------------------------------------------------------ outbound team traffic (FIG. 4)

    /** False when the job must wait for an engine's credit. */
    private boolean tryTransmit(Job job) {
        Member pinned = job.pinnedEgress == null ? null : team.members.get(job.pinnedEgress);
        Member egress = pinned != null && pinned.reachable() && pinned.linkUp && !pinned.installing ? pinned : egressFor(job.flowId);
        if (egress == null) {
            if (team.members.values().stream().anyMatch(m -> m.alive && m.linkUp && !m.reachable())) {
                return false; // a session just fell silent; the fail-over it causes is on its way
            }
            finishFailed(job, "no member can transmit: every link is down or every member gone");
            return true;
        }
        if (job.sa == null) {
            byte[] frame = Ethernet.frame(job.destination, egress.mac, job.packet);
            transmitFrame(job, egress, frame, null, job.packet);
            return true;
        }
        if (egress.canEncrypt(job.sa.spi())) {
            encryptAndSend(job, egress, egress);
            return true;
        }
        Decision d = choose(job, false);
        if (d instanceof Decision.Wait) {
            return false;
        }
        if (d instanceof Decision.Reject r) {
            finishFailed(job, "packet for " + job.sa.name() + " must leave as ESP through " + egress.name
                    + ", which has no engine, and no other member can encrypt it: " + r.reason());
            return true;
        }
        Member helper = team.members.get(((Decision.Dispatch) d).memberId());
        if (team.config.fig4() == Fig4Policy.RETURN) {
            encryptAndReturn(job, helper, egress);
        } else {
            encryptDirect(job, helper, egress);
        }
        return true;
    }

    /** AFT: the active member. ALB: the flow's member while it can transmit, else a new one by flow hash. */
    private Member egressFor(long flowId) {
        if (team.config.mode() == TeamMode.AFT) {
            Member a = team.active == null ? null : team.members.get(team.active);
            return a != null && a.reachable() && a.linkUp ? a : null;
        }
        String sticky = flowMember.get(flowId);
        Member m = sticky == null ? null : team.members.get(sticky);
        if (m != null && m.reachable() && m.linkUp && !m.installing) {
            return m;
        }
        List<Member> up = team.members.values().stream().filter(x -> x.reachable() && x.linkUp && !x.installing).toList();
        if (up.isEmpty()) {
            return null;
        }
        Member chosen = up.get((int) Math.floorMod(Long.hashCode(flowId * 0x9E3779B97F4A7C15L), (long) up.size()));
        flowMember.put(flowId, chosen.name);
        return chosen;
    }

    /** The egress member has an engine: it encrypts and transmits in one job. */
    private void encryptAndSend(Job job, Member egress, Member encryptor) {
        job.attempts++;
        long sent = System.nanoTime();
        egress.gate.shared(() -> {
            if (!encryptor.canEncrypt(job.sa.spi())) { // the gate may have held us while the member changed
                egress.gate.releaseShared();
                retry(job, encryptor, encryptor.name + " can no longer encrypt for " + job.sa.name());
                return;
            }
            CompletableFuture<JobResult> f = submit(encryptor, job, encryptJob(job, encryptor, Disposition.TRANSMIT, job.destination));
            f.whenComplete((r, e) -> team.post(() -> {
                egress.gate.releaseShared();
                settle(job, encryptor, sent, r, e, () -> succeedTx(job, egress, encryptor, r));
            }));
        });
    }

    /** FIG. 4, RETURN: the helper encrypts, the requester transmits. */
    private void encryptAndReturn(Job job, Member helper, Member egress) {
        job.attempts++;
        long sent = System.nanoTime();
        submit(helper, job, encryptJob(job, helper, Disposition.RETURN, null)).whenComplete((r, e) -> team.post(() ->
                settle(job, helper, sent, r, e, () -> {
                    byte[] esp = r.output().toArray();
                    transmitFrame(job, egress, Ethernet.frame(job.destination, egress.mac, esp), helper, esp);
                })));
    }

    /** FIG. 4, direct: the helper borrows the requester's MAC, encrypts and transmits, and gives it back. */
    private void encryptDirect(Job job, Member helper, Member egress) {
        job.attempts++;
        long sent = System.nanoTime();
        helper.gate.exclusive(() -> {
            helper.borrowed = egress.mac;
            helper.session.send(new SetMac(egress.mac)).whenComplete((ack, setFailed) -> team.post(() -> {
                if (setFailed != null) {
                    restoreMacThen(helper, () -> settle(job, helper, sent, null, setFailed, () -> { }));
                    return;
                }
                if (!helper.canEncrypt(job.sa.spi())) { // reset or failed while its MAC was being set
                    restoreMacThen(helper, () -> retry(job, helper, helper.name + " can no longer encrypt for " + job.sa.name()));
                    return;
                }
                submit(helper, job, encryptJob(job, helper, Disposition.TRANSMIT, job.destination))
                        .whenComplete((r, e) -> team.post(() -> restoreMacThen(helper,
                                () -> settle(job, helper, sent, r, e, () -> succeedTx(job, egress, helper, r)))));
            }));
        });
    }

    /** Gives the borrowed MAC back (RESTORE_MAC), then lets the member transmit for itself again. */
    private void restoreMacThen(Member helper, Runnable then) {
        helper.session.send(new RestoreMac()).whenComplete((ack, e) -> team.post(() -> {
            helper.borrowed = null;
            helper.gate.releaseExclusive();
            then.run();
        }));
    }

    private void transmitFrame(Job job, Member egress, byte[] frame, Member encryptor, byte[] esp) {
        if (job.sa == null) {
            job.attempts++;
        }
        egress.gate.shared(() -> egress.session.send(new Transmit(Bytes.wrap(frame))).whenComplete((ack, e) -> team.post(() -> {
            egress.gate.releaseShared();
            if (e != null) {
                retry(job, egress, "transmit through " + egress.name + " failed: " + message(e));
                return;
            }
            complete(job, new TxOutcome(egress.name, encryptor == null ? null : encryptor.name, esp, job.sequence, job.attempts));
        })));
    }

    private void succeedTx(Job job, Member egress, Member encryptor, JobResult r) {
        complete(job, new TxOutcome(egress.name, encryptor.name, r.output().toArray(), r.sequenceNumber(), job.attempts));
    }

    private EncryptJob encryptJob(Job job, Member m, Disposition d, MacAddress dst) {
        return new EncryptJob(job.id, m.slots.get(job.sa.spi()), d, dst, Bytes.EMPTY, Bytes.wrap(job.packet), job.sequence);
    }

    // ------------------------------------------------------------------ engine work and its answers

    private CompletableFuture<JobResult> submit(Member m, Job job, Request request) {
        m.outstandingBytes += job.packet.length;
        if (job.kind == Job.Kind.TX) {
            m.teamTraffic.add(job.packet.length, System.nanoTime());
        }
        return m.session.submitJob(request).whenComplete((r, e) -> team.post(() -> {
            m.outstandingBytes -= job.packet.length;
        }));
    }

    /** A secondary-use or decrypt job on the chosen engine. */
    private void runOnEngine(Job job, Member m, Request request) {
        job.attempts++;
        long sent = System.nanoTime();
        submit(m, job, request).whenComplete((r, e) -> team.post(() -> settle(job, m, sent, r, e, () -> {
            m.jobsCompleted++;
            m.bytesCompleted += job.packet.length;
            if (job.kind == Job.Kind.SECONDARY) {
                m.secondaryJobsCompleted++;
                m.secondaryBytesCompleted += job.packet.length;
            } else {
                team.deliver(new ReceivedPacket(job.arrivedOn, m.name, r.output().toArray(), job.sa.spi(), JobStatus.OK));
            }
            complete(job, new JobOutcome(job.id, m.name, r, job.attempts));
        })));
    }

    /**
     * Decides what an engine's answer means: success runs {@code onOk}; a member fault (timeout,
     * gone, lost SA, failed engine) sends the job elsewhere; a verdict on the packet itself (bad
     * ICV, replay, malformed) is the job's one, final answer.
     */
    private void settle(Job job, Member m, long sentNanos, JobResult r, Throwable e, Runnable onOk) {
        if (job.done()) {
            team.duplicateCompletions.incrementAndGet();
            return;
        }
        if (e != null) {
            Throwable cause = unwrap(e);
            if (cause instanceof RequestTimeoutException) {
                team.engineFailed(m, "job " + job.id + " unanswered: " + cause.getMessage(), sentNanos);
            }
            if (cause instanceof DeviceRefusedException refused && refused.code() == ErrorCode.NO_CREDITS) {
                job.attempts--; // not the member's fault: try again when a credit frees up
            }
            retry(job, m, message(cause));
            return;
        }
        switch (r.status()) {
            case OK -> onOk.run();
            case NO_SA, ENGINE_FAILED, LINK_DOWN -> {
                if (r.status() == JobStatus.ENGINE_FAILED) {
                    team.engineFailed(m, r.reason(), sentNanos);
                }
                retry(job, m, m.name + ": " + r.status() + " " + r.reason());
            }
            default -> {
                if (job.kind == Job.Kind.RX) {
                    team.deliver(new ReceivedPacket(job.arrivedOn, m.name, job.packet, job.sa.spi(), r.status()));
                }
                if (job.kind == Job.Kind.TX) {
                    finishFailed(job, m.name + " could not encrypt the packet: " + r.status() + " " + r.reason());
                } else {
                    complete(job, new JobOutcome(job.id, m.name, r, job.attempts));
                }
            }
        }
        pump();
    }

    private void retry(Job job, Member from, String reason) {
        team.redispatched.incrementAndGet();
        team.emit(new TeamEvent.JobRedispatched(System.nanoTime(), job.id, from.name, reason));
        if (job.attempts >= team.config.maxAttempts()) {
            finishFailed(job, "tried " + job.attempts + " time(s), last on " + from.name + ": " + reason);
        } else {
            queueOf(job).addFirst(job);
        }
        pump();
    }

    private void complete(Job job, Object outcome) {
        boolean first = job.kind == Job.Kind.TX ? job.txOutcome.complete((TxOutcome) outcome)
                : job.outcome.complete((JobOutcome) outcome);
        if (first) {
            team.completedJobs.incrementAndGet();
        } else {
            team.duplicateCompletions.incrementAndGet();
        }
        pump();
    }

    private void finishFailed(Job job, String reason) {
        if (job.fail(reason)) {
            team.failedJobs.incrementAndGet();
            team.emit(new TeamEvent.JobFailed(System.nanoTime(), job.id, reason));
        }
    }

    // ------------------------------------------------------------------ inbound (FIG. 5)

    void received(Member m, FrameReceived f) {
        byte[] frame = f.frame().toArray();
        if (!Ethernet.isIpv4(frame)) {
            return;
        }
        if (m.borrowed != null && Ethernet.destination(frame).equals(m.borrowed) && !m.mac.equals(m.borrowed)) {
            return; // a reply for the member whose MAC this one has borrowed: that member gets it too
        }
        byte[] ip = Ethernet.ipPacket(frame);
        if (f.decrypted()) {
            long spi = spiOfSlot(m, f.saSlot());
            team.deliver(new ReceivedPacket(m.name, m.name, ip, spi, JobStatus.OK));
            return;
        }
        long spi = Ethernet.espSpi(ip);
        if (spi < 0) {
            team.deliver(new ReceivedPacket(m.name, null, ip, -1, JobStatus.OK));
            return;
        }
        if (f.status() != JobStatus.OK) {
            team.deliver(new ReceivedPacket(m.name, m.name, ip, spi, f.status()));
            return;
        }
        TeamSa sa = team.sas.get(spi);
        if (sa == null || sa.outbound()) {
            team.deliver(new ReceivedPacket(m.name, null, ip, spi, JobStatus.NO_SA));
            return;
        }
        enqueue(Job.receive(team.newJobId(), sa, ip, m.name));
    }

    private long spiOfSlot(Member m, int slot) {
        for (Map.Entry<Long, Integer> e : m.slots.entrySet()) {
            if (e.getValue() == slot) {
                return e.getKey();
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ helpers

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String message(Throwable e) {
        Throwable c = unwrap(e);
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
