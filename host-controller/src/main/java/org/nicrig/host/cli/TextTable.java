package org.nicrig.host.cli;

import java.util.List;

/** Columns aligned with spaces, for a terminal. The last column is not padded (it holds the long texts). */
final class TextTable {
    private TextTable() {
    }

    /**
     * @param header column names, or null for none
     * @param indent put before every line
     */
    static String format(List<String> header, List<List<String>> rows, String indent) {
        int columns = header != null ? header.size() : rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        if (header != null) {
            measure(width, header);
        }
        rows.forEach(r -> measure(width, r));
        StringBuilder b = new StringBuilder();
        if (header != null) {
            line(b, indent, width, header);
        }
        rows.forEach(r -> line(b, indent, width, r));
        return b.toString();
    }

    private static void measure(int[] width, List<String> row) {
        for (int i = 0; i < row.size() && i < width.length; i++) {
            width[i] = Math.max(width[i], row.get(i).length());
        }
    }

    private static void line(StringBuilder b, String indent, int[] width, List<String> row) {
        StringBuilder l = new StringBuilder(indent);
        for (int i = 0; i < row.size() && i < width.length; i++) {
            l.append(row.get(i));
            if (i < row.size() - 1) {
                l.append(" ".repeat(width[i] - row.get(i).length() + 2));
            }
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }
}
