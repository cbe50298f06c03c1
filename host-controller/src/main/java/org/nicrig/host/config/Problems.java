package org.nicrig.host.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the errors of one file while it is read, so that a load reports everything wrong at
 * once. Readers report and carry on; an object is only built when nothing under it was wrong
 * (see {@link #mark()} and {@link #cleanSince(int)}).
 */
public final class Problems {
    private final String file;
    private final List<ConfigException> errors = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    public void error(Location at, String path, String problem) {
        errors.add(new ConfigException(file, at, path, problem));
    }

    /** Adds an error found in another file (a plan's rig), keeping its own file and location. */
    public void add(ConfigException e) {
        errors.add(e);
    }

    /** How many errors so far; pass it to {@link #cleanSince} after reading something. */
    public int mark() {
        return errors.size();
    }

    /** Whether no error was added since {@code mark}. */
    public boolean cleanSince(int mark) {
        return errors.size() == mark;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors in file order (then line, column), each at most once. */
    public List<ConfigException> errors() {
        return sorted(errors);
    }

    /** Sorts by file, line and column, and drops exact repeats (a rig read twice by two plans). */
    public static List<ConfigException> sorted(List<ConfigException> errors) {
        List<ConfigException> out = new ArrayList<>();
        errors.stream()
                .sorted(Comparator.comparing(ConfigException::file)
                        .thenComparingInt(ConfigException::line)
                        .thenComparingInt(ConfigException::column))
                .forEach(e -> {
                    if (out.stream().noneMatch(o -> o.getMessage().equals(e.getMessage()))) {
                        out.add(e);
                    }
                });
        return out;
    }
}
