package org.nicrig.model.firmware;

import java.util.Optional;

/** Non-volatile memory that is just a field: as durable as the object holding it. */
final class MemoryNvm implements NonVolatileMemory {
    private NvmState state;

    @Override
    public synchronized Optional<NvmState> read() {
        return Optional.ofNullable(state);
    }

    @Override
    public synchronized void write(NvmState next) {
        state = java.util.Objects.requireNonNull(next, "next");
    }

    @Override
    public String toString() {
        return "nvm in memory";
    }
}
