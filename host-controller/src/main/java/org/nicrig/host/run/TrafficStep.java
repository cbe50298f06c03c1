package org.nicrig.host.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.nicrig.host.plan.Load;
import org.nicrig.host.plan.Step;
import org.nicrig.host.plan.TrafficDirection;
import org.nicrig.host.team.TeamJobException;
import org.nicrig.host.team.TeamSa;
import org.nicrig.host.verify.Verdict;
import org.nicrig.protocol.message.MacAddress;

/**
 * {@code type: traffic}: the team's own packets to and from the peer. Outbound packets go through
 * {@link org.nicrig.host.team.Team#transmit}; each ESP packet the team produced is verified, in
 * sequence order, by the SA's Bouncy Castle verifier. With {@code both}, the peer echoes each one
 * back under the inbound SA and the reply must reach the member the packet left through; with
 * {@code inbound}, the peer sends ESP to the members. Everything sent is accounted for: verified,
 * failed with a check, or lost.
 */
final class TrafficStep {
    private static final int WINDOW = 32;

    private final RigRuntime rig;
    private final Step.Traffic step;
    private final Stats stats;
    private final PacketSource packets;
    private final long deadlineNanos;
    private Pacer pacer;
    private final List<CompletableFuture<?>> outstanding = new ArrayList<>();
    private final AtomicLong inFlightOutbound = new AtomicLong();

    TrafficStep(RigRuntime rig, Step.Traffic step, Stats stats, long seed, long stepId, long deadlineNanos) {
        this.rig = rig;
        this.step = step;
        this.stats = stats;
        this.packets = new PacketSource(step.sizes(), seed, stepId, rig.peerIp);
        this.deadlineNanos = deadlineNanos;
    }

    /** Null when all went as planned, else why the step could not do what it was asked. */
    String run() throws InterruptedException {
        boolean out = step.direction() != TrafficDirection.INBOUND;
        boolean in = step.direction() != TrafficDirection.OUTBOUND;
        TeamSa outSa = step.outboundSa().map(rig::sa).orElse(null);
        TeamSa inSa = step.inboundSa().map(rig::sa).orElse(null);
        if (out && outSa != null && in && inSa != null) {
            rig.peer.echo(outSa, inSa);
        }
        long total = step.load() instanceof Load.Count c ? c.packets() : Long.MAX_VALUE;
        long perSecond = step.load() instanceof Load.Rate r ? r.packetsPerSecond() : 0;
        long end = step.load() instanceof Load.Rate r ? System.nanoTime() + r.duration().toNanos() : Long.MAX_VALUE;
        pacer = new Pacer(perSecond, WINDOW, Math.min(deadlineNanos, end));
        List<String> members = rig.team.snapshot().join().members().stream()
                .filter(m -> m.alive()).map(m -> m.name()).toList();
        for (long n = 0; n < total; n++) {
            if (!pacer.next()) {
                break;
            }
            int flow = (int) (n % step.flows());
            if (out) {
                sendOutbound(flow, outSa, in && inSa != null);
            } else {
                sendInbound(flow, inSa, members);
            }
        }
        for (CompletableFuture<?> f : List.copyOf(outstanding)) {
            try {
                f.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // counted where it completed
            }
        }
        // replies and inbound packets still on their way: give them until the step's deadline, at most 2 s
        long grace = Math.min(deadlineNanos, System.nanoTime() + 2_000_000_000L);
        while (rig.inbound.pending(stats) && System.nanoTime() < grace) {
            Thread.sleep(5);
        }
        rig.inbound.abandon(stats);
        return null;
    }

    private void sendOutbound(int flow, TeamSa sa, boolean expectEcho) {
        byte[] packet = packets.outbound(flow);
        long flowId = packets.flowId(flow);
        stats.expected(1);
        if (expectEcho) {
            rig.inbound.expect(Echo.reply(packet), stats, null);
        }
        long sent = System.nanoTime();
        rig.journal.packetSent(step.member().orElse("team"), Long.toString(flowId), 0, packet.length);
        MacAddress peer = rig.peer.mac;
        CompletableFuture<?> f = rig.team.transmit(flowId, packet, sa, peer, step.member().orElse(null)).whenComplete((o, e) -> {
            pacer.done();
            if (e != null) {
                stats.lost(1);
                Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                if (sa != null && c instanceof TeamJobException tje && tje.sequence() > 0) {
                    rig.verifiers.get(sa.spi()).skipped(tje.sequence());
                }
                return;
            }
            long latency = System.nanoTime() - sent;
            boolean offloaded = o.encryptor() != null && !o.encryptor().equals(o.egress());
            if (expectEcho) {
                rig.inbound.expectOn(Echo.reply(packet), o.egress());
            }
            if (offloaded && rig.team.config().fig4() == org.nicrig.host.team.Fig4Policy.DIRECT_MAC && sa != null) {
                rig.directMacSends.add(RigRuntime.key(sa.spi(), o.sequence()));
            }
            if (sa == null) {
                stats.packet(o.egress(), packet.length, false, true, latency);
                return;
            }
            rig.verifiers.get(sa.spi()).arrived(o.sequence(), o.egress(), packet, o.esp(), v -> {
                boolean ok = v instanceof Verdict.Ok;
                stats.packet(o.egress(), packet.length, offloaded, ok, latency);
                journalVerdict(o.egress(), sa.spi(), o.sequence(), v);
            });
        });
        synchronized (outstanding) {
            outstanding.removeIf(CompletableFuture::isDone);
            outstanding.add(f);
        }
    }

    private void sendInbound(int flow, TeamSa sa, List<String> members) {
        String target = step.member().orElse(members.isEmpty() ? null : members.get(flow % members.size()));
        MacAddress mac = target == null ? null : rig.memberByMac.entrySet().stream()
                .filter(e -> e.getValue().equals(target)).map(java.util.Map.Entry::getKey).findFirst().orElse(null);
        byte[] packet = packets.inbound(flow);
        if (mac == null) {
            stats.expected(1);
            stats.lost(1);
            pacer.done();
            return;
        }
        rig.inbound.expect(packet, stats, target);
        rig.journal.packetSent(target, Long.toString(packets.flowId(flow)), 0, packet.length);
        rig.peer.sendLater(mac, sa.spi(), packet);
        pacer.done(); // inbound pacing is the peer's queue; arrivals are matched as they come
    }

    private void journalVerdict(String member, long spi, long seq, Verdict v) {
        if (v instanceof Verdict.Failed f) {
            rig.journal.packetVerified(member, spi, seq, f.checks().stream().map(Enum::name).toList(), f.toString());
        } else {
            rig.journal.packetVerified(member, spi, seq, List.of(), "");
        }
    }
}
