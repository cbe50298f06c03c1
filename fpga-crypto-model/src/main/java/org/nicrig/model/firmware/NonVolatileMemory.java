package org.nicrig.model.firmware;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a device keeps across power-off: its {@link NvmState}. In memory (lives as long as the
 * object, so a {@link org.nicrig.model.device.DeviceConfig} keeps it across UNPLUG and power-on of
 * the same transport) or in a directory (survives the process, a kill -9 included).
 *
 * <p>A write is atomic: after it returns, and after a crash at any moment during it,
 * {@link #read()} gives either the state before or the state written, never a mix.
 */
public interface NonVolatileMemory {

    /** A blank memory in this process. */
    static NonVolatileMemory inMemory() {
        return new MemoryNvm();
    }

    /**
     * The memory kept in {@code dir} (created if missing, with its parents). Reads and checks what
     * the directory holds at once, so a bad path or a corrupt state is reported here.
     *
     * @throws NvmException naming the directory or file: not a directory, not writable, a state
     *                      file that does not parse, a slot file missing or not matching the state
     */
    static NonVolatileMemory directory(Path dir) throws NvmException {
        return DirectoryNvm.open(dir);
    }

    /** The state, or empty while the memory is blank (a device formats it at its first power-on). */
    Optional<NvmState> read();

    /** Replaces the whole state, atomically. */
    void write(NvmState next) throws NvmException;

    /** Applies {@code change} to the current state and writes the result; the memory must not be blank. */
    default NvmState update(UnaryOperator<NvmState> change) throws NvmException {
        synchronized (this) {
            NvmState next = change.apply(read().orElseThrow(() -> new IllegalStateException("memory is blank: " + this)));
            write(next);
            return next;
        }
    }
}
