package org.nicrig.host.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal that cannot be read as one: a bad line before the last, or a first line that is not
 * {@code run-started}. (A bad <em>last</em> line is a torn write, which {@link JournalReader} reports
 * instead of throwing.) The message is {@code file:line: reason}.
 */
public final class JournalFormatException extends IOException {
    private final Path path;
    private final long line;

    public JournalFormatException(Path path, long line, String reason) {
        super(path + ":" + line + ": " + reason);
        this.path = path;
        this.line = line;
    }

    public Path path() {
        return path;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }
}
