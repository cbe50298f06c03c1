package org.nicrig.host.team;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.SaParams;

/**
 * One SA of the team, installed on every member whose engine can run it. Direction is the team's:
 * OUTBOUND SAs encrypt what the team sends, INBOUND ones decrypt what it receives. The host
 * assigns outbound sequence numbers, so the SA can move between engines without reusing one.
 */
public final class TeamSa {
    private final String name;
    private final SaParams params;
    private final AtomicLong lastSequence = new AtomicLong();

    public TeamSa(String name, SaParams params) {
        this.name = Objects.requireNonNull(name, "name");
        this.params = Objects.requireNonNull(params, "params");
    }

    public String name() {
        return name;
    }

    public SaParams params() {
        return params;
    }

    public long spi() {
        return params.spi();
    }

    public boolean outbound() {
        return params.direction() == Direction.OUTBOUND;
    }

    /** The next sequence number, or 0 when the counter would cycle (RFC 4303 §3.3.3: a new SA is needed). */
    long nextSequence() {
        long limit = params.esn() ? -1L : 0xFFFF_FFFFL;
        while (true) {
            long last = lastSequence.get();
            if (Long.compareUnsigned(last, limit) >= 0) {
                return 0;
            }
            if (lastSequence.compareAndSet(last, last + 1)) {
                return last + 1;
            }
        }
    }

    public long lastSequence() {
        return lastSequence.get();
    }

    @Override
    public String toString() {
        return name + " (SPI 0x" + Long.toHexString(params.spi()) + ", " + params.direction() + ", " + params.cipher() + ")";
    }
}
