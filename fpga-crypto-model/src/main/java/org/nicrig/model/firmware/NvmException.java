package org.nicrig.model.firmware;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The non-volatile memory could not be read or written: a directory that cannot be created, a
 * state file that does not parse, a slot file that does not match the state, a full disk. The
 * message names the file (and line, where there is one) and says what is wrong.
 */
public final class NvmException extends IOException {
    private final Path file;

    public NvmException(Path file, String what) {
        super(file + ": " + what);
        this.file = file;
    }

    /** A problem on one line of a text file: {@code FILE:LINE: what}. */
    public NvmException(Path file, int line, String what) {
        super(file + ":" + line + ": " + what);
        this.file = file;
    }

    public NvmException(Path file, String what, Throwable cause) {
        super(file + ": " + what, cause);
        this.file = file;
    }

    /** The file or directory concerned. */
    public Path file() {
        return file;
    }
}
