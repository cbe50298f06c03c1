package org.nicrig.host.config;

import java.util.Objects;

/**
 * One thing wrong in a rig or plan file, located: {@code file:line:col: path: problem}, e.g.
 * {@code test-plans/failover.yaml:14:9: steps[2].fault: unknown fault 'LINK_DWN' (did you mean LINK_DOWN?)}.
 * The message is meant for the user as it is; it never holds key material (design invariant 5),
 * and there is no stack trace to show (one is not even recorded).
 *
 * @param file    the file as the user named it
 * @param line    1-based, or 0 when the error concerns the whole file
 * @param column  1-based, or 0 with line 0
 * @param path    where in the document, e.g. {@code steps[2].fault}; empty for the document itself
 * @param problem what was wrong, and what was expected
 */
public final class ConfigException extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;

    public ConfigException(String file, int line, int column, String path, String problem) {
        super(format(file, line, column, path, problem), null, false, false);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.path = Objects.requireNonNull(path, "path");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public ConfigException(String file, Location at, String path, String problem) {
        this(file, at.line(), at.column(), path, problem);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    private static String format(String file, int line, int column, String path, String problem) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line).append(':').append(column);
        }
        b.append(": ");
        if (!path.isEmpty()) {
            b.append(path).append(": ");
        }
        return b.append(problem).toString();
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
