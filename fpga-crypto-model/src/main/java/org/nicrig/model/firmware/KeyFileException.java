package org.nicrig.model.firmware;

import java.io.IOException;
import java.nio.file.Path;

/** A trusted-key file that cannot be read or is not an Ed25519 public key; the message names the file. */
public final class KeyFileException extends IOException {
    private final Path file;

    public KeyFileException(Path file, String what) {
        super(file + ": " + what);
        this.file = file;
    }

    public KeyFileException(Path file, String what, Throwable cause) {
        super(file + ": " + what, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
