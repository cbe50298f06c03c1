package org.nicrig.host.team;

import java.util.HashMap;
import java.util.Map;
import org.nicrig.host.admission.AdmissionResult;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.protocol.message.MacAddress;

/** One member's state as the team keeps it. Touched only on the team's thread. */
final class Member {
    final String name;
    final DeviceSession session;
    final AdmissionResult admission;
    final MacAddress mac;
    final TxGate gate = new TxGate();
    /** SPI → slot of the SAs installed on this member's device. */
    final Map<Long, Integer> slots = new HashMap<>();

    boolean alive = true;
    boolean silent;
    boolean linkUp = true;
    boolean engineHealthy;
    boolean installing;
    MacAddress borrowed;
    long lastSignOfLifeNanos = System.nanoTime();
    long outstandingBytes;
    long jobsCompleted;
    long bytesCompleted;
    long secondaryJobsCompleted;
    long secondaryBytesCompleted;
    final RateMeter teamTraffic = new RateMeter();
    int nextSlot;

    Member(String name, DeviceSession session, AdmissionResult admission) {
        this.name = name;
        this.session = session;
        this.admission = admission;
        this.mac = session.identity().mac();
        this.engineHealthy = admission.engineVerified();
    }

    boolean capable() {
        return admission.engineVerified();
    }

    /** May this member's engine take work for the SA now? */
    boolean canEncrypt(long spi) {
        return reachable() && capable() && engineHealthy && !installing && slots.containsKey(spi);
    }

    /**
     * Alive as the team knows it, and its session open right now: the session can fall silent
     * before the team hears of it, and work sent meanwhile would fail at once.
     */
    boolean reachable() {
        return alive && session.state() == org.nicrig.host.session.DeviceSession.State.OPEN;
    }

    long engineRate() {
        long advertised = session.identity().capabilities().engineRate();
        return advertised > 0 ? advertised : 1_000_000; // an engine that does not say: assume a slow one
    }

    int freeCredits() {
        return Math.max(0, session.credits() - session.jobsInFlight());
    }

    @Override
    public String toString() {
        return name;
    }
}
