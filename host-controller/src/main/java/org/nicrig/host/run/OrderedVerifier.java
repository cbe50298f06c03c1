package org.nicrig.host.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.nicrig.host.verify.SaVerifier;
import org.nicrig.host.verify.Verdict;

/**
 * Verifies one outbound SA's packets in sequence-number order, whatever order they come back in.
 * The team assigns sequence numbers 1, 2, 3, … and its members answer concurrently, so answers
 * arrive out of order; the verifier's checks (no reuse, never backwards, IVs unique) are about
 * the SA's order, so results wait here until every lower number has arrived or is known never to
 * come. Holds only what is out of order: bounded by the jobs in flight.
 */
final class OrderedVerifier {
    private final SaVerifier verifier;
    private final Map<Long, Pending> waiting = new TreeMap<>();
    private long next;

    private record Pending(String member, byte[] sent, byte[] esp, Consumer<Verdict> done) {
    }

    OrderedVerifier(SaVerifier verifier, long firstSequence) {
        this.verifier = verifier;
        this.next = firstSequence;
    }

    SaVerifier verifier() {
        return verifier;
    }

    /** An ESP packet the team produced under sequence number {@code seq}. */
    synchronized void arrived(long seq, String member, byte[] sent, byte[] esp, Consumer<Verdict> done) {
        if (seq < next) {
            done.accept(verifier.verify(member, sent, esp)); // out of any order: let the verifier judge it
            return;
        }
        waiting.put(seq, new Pending(member, sent, esp, done));
        drain();
    }

    /** {@code seq} was assigned but its packet will never come (the job failed with a reason). */
    synchronized void skipped(long seq) {
        if (seq >= next) {
            waiting.put(seq, null);
            drain();
        }
    }

    /** Verifies everything still waiting, in order, leaving the gaps: the run has stopped sending. */
    synchronized void flush() {
        for (Map.Entry<Long, Pending> e : waiting.entrySet()) {
            if (e.getValue() != null) {
                e.getValue().done().accept(verifier.verify(e.getValue().member(), e.getValue().sent(), e.getValue().esp()));
            }
            next = e.getKey() + 1;
        }
        waiting.clear();
    }

    private void drain() {
        while (waiting.containsKey(next)) {
            Pending p = waiting.remove(next);
            if (p != null) {
                p.done().accept(verifier.verify(p.member(), p.sent(), p.esp()));
            }
            next++;
        }
    }
}
