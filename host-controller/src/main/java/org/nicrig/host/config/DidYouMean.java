package org.nicrig.host.config;

import java.util.Collection;
import java.util.Locale;

/**
 * Suggests the valid name nearest to a misspelt one, by Damerau-Levenshtein distance in its
 * "optimal string alignment" form (an adjacent transposition counts as one edit, so
 * {@code flwos} is one edit from {@code flows}). Case and {@code -}/{@code _} are ignored, so
 * {@code link_down} suggests {@code LINK_DOWN}.
 */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** The nearest candidate close enough to be a likely typo, or null. */
    public static String nearest(String wrong, Collection<String> candidates) {
        String w = normalise(wrong);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, normalise(c));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= allowed(w.length()) ? best : null;
    }

    /** {@code " (did you mean X?)"}, or {@code " (expected one of A, B, C)"} when nothing is near. */
    public static String hint(String wrong, Collection<String> candidates) {
        String near = nearest(wrong, candidates);
        if (near != null) {
            return " (did you mean " + near + "?)";
        }
        return candidates.isEmpty() ? "" : " (expected one of " + String.join(", ", candidates) + ")";
    }

    /** Edits tolerated: one for very short words, up to three for long ones. */
    static int allowed(int length) {
        if (length <= 3) {
            return 1;
        }
        return length <= 8 ? 2 : 3;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
