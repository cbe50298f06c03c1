package org.nicrig.host.run;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nicrig.host.report.RunJournal;
import org.nicrig.host.team.ReceivedPacket;

/**
 * Packets the team should receive (echo replies, inbound ESP the peer sent), keyed by the flow
 * and packet number stamped in their payload, matched against what the team delivers (FIG. 5).
 * An entry lives from the moment it is expected until it arrives or its step gives up on it, so
 * memory is bounded by what is in flight.
 */
final class InboundExpectations {
    record Key(long flow, long number) {
    }

    static final class Expected {
        final byte[] plain;
        final Stats stats;
        final long sinceNanos;
        volatile String expectedMember; // null until known (an echo goes back to the member it left through)

        Expected(byte[] plain, Stats stats, String expectedMember) {
            this.plain = plain;
            this.stats = stats;
            this.expectedMember = expectedMember;
            this.sinceNanos = System.nanoTime();
        }
    }

    private final Map<Key, Expected> waiting = new ConcurrentHashMap<>();
    private final RunJournal journal;

    InboundExpectations(RunJournal journal) {
        this.journal = journal;
    }

    void expect(byte[] plain, Stats stats, String member) {
        long[] stamp = Echo.stamp(plain);
        stats.expected(1);
        waiting.put(new Key(stamp[0], stamp[1]), new Expected(plain, stats, member));
    }

    /** The member an echo must come back to, once the outbound packet's egress is known. */
    void expectOn(byte[] plain, String member) {
        long[] stamp = Echo.stamp(plain);
        Expected e = waiting.get(new Key(stamp[0], stamp[1]));
        if (e != null) {
            e.expectedMember = member;
        }
    }

    /** A packet the team delivered. */
    void received(ReceivedPacket p, Stats fallback) {
        if (p.status() != org.nicrig.protocol.message.JobStatus.OK) {
            fallback.packet(p.member(), p.packet().length, false, false, -1);
            journal.packetVerified(p.member(), p.spi(), 0, java.util.List.of("DECRYPT_" + p.status()),
                    "the team could not decrypt a packet that arrived on " + p.member() + ": " + p.status());
            return;
        }
        long[] stamp = Echo.stamp(p.packet());
        if (stamp == null) {
            return;
        }
        Expected e = waiting.remove(new Key(stamp[0], stamp[1]));
        if (e == null) {
            return; // not ours, or a copy of one already delivered (a borrowed MAC's duplicate)
        }
        boolean ok = Arrays.equals(e.plain, p.packet());
        boolean offloaded = p.decryptedBy() != null && !p.decryptedBy().equals(p.member());
        e.stats.packet(p.member(), p.packet().length, offloaded, ok, System.nanoTime() - e.sinceNanos);
        String expected = e.expectedMember;
        if (expected != null && !expected.equals(p.member())) {
            e.stats.add(s -> s.misdelivered, 1);
        }
        journal.packetVerified(p.member(), p.spi(), stamp[1], ok ? java.util.List.of() : java.util.List.of("PLAINTEXT"),
                ok ? "" : "delivered plaintext differs from what the peer sent");
    }

    /** Gives up on what {@code stats} still waits for: each is lost. Returns how many. */
    long abandon(Stats stats) {
        long n = 0;
        for (Map.Entry<Key, Expected> e : waiting.entrySet()) {
            if (e.getValue().stats == stats && waiting.remove(e.getKey(), e.getValue())) {
                n++;
            }
        }
        if (n > 0) {
            stats.add(s -> s.lostOnWire, n);
        }
        return n;
    }

    boolean pending(Stats stats) {
        return waiting.values().stream().anyMatch(e -> e.stats == stats);
    }
}
