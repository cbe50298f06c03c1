package org.nicrig.host.firmware;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A key, image or payload file that cannot be used, said as {@code FILE: problem} (with the byte
 * offset for a bad image). An {@link IOException}, so the command line reports it in one line
 * with exit status 2 like any other file it cannot read. Never holds key material.
 */
public final class FirmwareFileException extends IOException {
    private final transient Path file;
    private final String problem;

    public FirmwareFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a user's error: the message is all there is to say
    }
}
