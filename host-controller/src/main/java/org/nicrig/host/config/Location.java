package org.nicrig.host.config;

/**
 * Where something is in a configuration file: 1-based line and column, as editors count them.
 * {@link #NONE} (0:0) is for errors about a file as a whole (it cannot be read).
 */
public record Location(int line, int column) {
    public static final Location NONE = new Location(0, 0);
    public static final Location START = new Location(1, 1);

    public Location {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative location " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
