package org.nicrig.host.team;

import java.util.concurrent.CompletableFuture;
import org.nicrig.protocol.message.MacAddress;

/**
 * One unit of work the team owes someone exactly once: a secondary-use encryption, a decryption
 * for a member without an engine (FIG. 5), or an outbound team packet (FIG. 4). It keeps its id
 * and, for outbound ESP, its sequence number across re-dispatch, so whichever member finally
 * answers produces the same packet the first would have.
 */
final class Job {
    enum Kind { SECONDARY, RX, TX }

    final long id;
    final Kind kind;
    final TeamSa sa;          // null: a plaintext TX packet
    final byte[] packet;
    final long sequence;      // outbound ESP: host-assigned; else 0
    final long flowId;        // TX
    final MacAddress destination; // TX
    final String arrivedOn;   // RX: the member whose port the packet came in on
    String pinnedEgress;      // TX: leave through this member while it can transmit
    final CompletableFuture<JobOutcome> outcome;   // SECONDARY, RX
    final CompletableFuture<TxOutcome> txOutcome;  // TX

    int attempts;

    private Job(long id, Kind kind, TeamSa sa, byte[] packet, long sequence, long flowId, MacAddress destination,
                String arrivedOn) {
        this.id = id;
        this.kind = kind;
        this.sa = sa;
        this.packet = packet;
        this.sequence = sequence;
        this.flowId = flowId;
        this.destination = destination;
        this.arrivedOn = arrivedOn;
        this.outcome = kind == Kind.TX ? null : new CompletableFuture<>();
        this.txOutcome = kind == Kind.TX ? new CompletableFuture<>() : null;
    }

    static Job secondary(long id, TeamSa sa, byte[] packet, long sequence) {
        return new Job(id, Kind.SECONDARY, sa, packet, sequence, 0, null, null);
    }

    static Job receive(long id, TeamSa sa, byte[] esp, String arrivedOn) {
        return new Job(id, Kind.RX, sa, esp, 0, 0, null, arrivedOn);
    }

    static Job transmit(long id, TeamSa sa, byte[] packet, long sequence, long flowId, MacAddress destination) {
        return new Job(id, Kind.TX, sa, packet, sequence, flowId, destination, null);
    }

    boolean done() {
        return kind == Kind.TX ? txOutcome.isDone() : outcome.isDone();
    }

    /** Completes with a failure; false if the job had already completed. */
    boolean fail(String reason) {
        TeamJobException e = new TeamJobException(id, sequence, reason);
        return kind == Kind.TX ? txOutcome.completeExceptionally(e) : outcome.completeExceptionally(e);
    }
}
