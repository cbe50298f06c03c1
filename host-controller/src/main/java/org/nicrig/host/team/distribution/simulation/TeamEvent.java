package org.nicrig.host.team.distribution.simulation;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.nicrig.protocol.message.FaultKind;

/**
 * Something that happens to the team at a virtual time, from the start of the run. Faults use the
 * rig's own fault vocabulary ({@link FaultKind}), so a plan, the device model and this simulator
 * name them alike. Events at the same time apply in list order.
 */
public sealed interface TeamEvent {

    /** Offset from the start of the simulation. */
    Duration at();

    /** The fault kinds the simulator models: link and engine state, and pulling the card. */
    Set<FaultKind> MODELLED = EnumSet.of(FaultKind.LINK_DOWN, FaultKind.LINK_UP,
            FaultKind.ENGINE_FAIL, FaultKind.ENGINE_RESTORE, FaultKind.UNPLUG);

    /**
     * A fault on a member. LINK_DOWN leaves the engine serving; ENGINE_FAIL loses the jobs it holds
     * (they are re-dispatched); UNPLUG removes the member (the first half of a hot-swap).
     */
    record Fault(Duration at, String memberId, FaultKind kind) implements TeamEvent {
        public Fault {
            requireAt(at);
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(kind, "kind");
            if (!MODELLED.contains(kind)) {
                throw new IllegalArgumentException("fault " + kind + " is not modelled by the distribution"
                        + " simulator (modelled: " + MODELLED + ")");
            }
        }
    }

    /** A member is plugged in: a replacement after a hot-swap, or a new member. */
    record Join(Duration at, MemberSpec member) implements TeamEvent {
        public Join {
            requireAt(at);
            Objects.requireNonNull(member, "member");
        }
    }

    /** Hot-swap: {@code removedId} is pulled and {@code replacement} plugged in at the same time. */
    static List<TeamEvent> hotSwap(Duration at, String removedId, MemberSpec replacement) {
        return List.of(new Fault(at, removedId, FaultKind.UNPLUG), new Join(at, replacement));
    }

    private static void requireAt(Duration at) {
        Objects.requireNonNull(at, "at");
        if (at.isNegative()) {
            throw new IllegalArgumentException("event time must be >= 0, was " + at);
        }
    }
}
