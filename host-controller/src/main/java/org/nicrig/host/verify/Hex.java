package org.nicrig.host.verify;

import java.util.HexFormat;

/** Hex text for reports, bounded in length. Never called with key bytes. */
final class Hex {
    private static final HexFormat HEX = HexFormat.of();
    /** Bytes shown either side of a difference; enough to recognise a header field. */
    static final int WINDOW = 16;

    private Hex() {
    }

    static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static String of(byte[] bytes, int from, int to) {
        return HEX.formatHex(bytes, from, to);
    }

    static String spi(long spi) {
        return String.format("0x%08x", spi);
    }

    /** Index of the first differing byte, the shorter length if one is a prefix, or -1 if equal. */
    static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    /** Up to 2 × WINDOW bytes starting WINDOW before {@code at}, marked with the offset shown. */
    static String window(byte[] bytes, int at) {
        int from = Math.max(0, Math.min(at, bytes.length) - WINDOW);
        int to = Math.min(bytes.length, at + WINDOW);
        String body = of(bytes, from, to);
        return (from > 0 ? "@" + from + ":" : "") + body + (to < bytes.length ? "…" : "");
    }
}
